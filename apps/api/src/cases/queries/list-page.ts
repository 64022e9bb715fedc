/**
 * API.md "Lists": `?limit=` (default 50, max 500) and `?cursor=`, answering `{ items, nextCursor }`.
 * A cursor is opaque to clients; here it encodes the next revision to read.
 */
import { ProblemException, problems } from '../../problem/problem-details.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export interface PageRequest {
  readonly limit: number;
  readonly fromRevision: number;
}

const invalid = (field: string, message: string): ProblemException =>
  new ProblemException(problems.validation(`${field} ${message}.`, [{ field, message }]));

export function readPageRequest(limitText: unknown, cursorText: unknown): PageRequest {
  let limit = DEFAULT_LIMIT;
  if (limitText !== undefined) {
    if (
      typeof limitText !== 'string' ||
      !/^\d{1,3}$/.test(limitText) ||
      Number(limitText) < 1 ||
      Number(limitText) > MAX_LIMIT
    )
      throw invalid('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
    limit = Number(limitText);
  }
  let fromRevision = 0;
  if (cursorText !== undefined) {
    const decoded =
      typeof cursorText === 'string' ? Buffer.from(cursorText, 'base64url').toString('utf8') : '';
    const match = /^rev:(\d{1,9})$/.exec(decoded);
    if (!match) throw invalid('cursor', 'must be a nextCursor this API gave');
    fromRevision = Number(match[1]);
  }
  return { limit, fromRevision };
}

export function cursorFor(revision: number): string {
  return Buffer.from(`rev:${revision}`, 'utf8').toString('base64url');
}
