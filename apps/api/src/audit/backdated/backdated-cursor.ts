/** The opaque cursor of GET /views/audit/backdated: the last entry's recording time and event id. */
import { ProblemException, problems } from '../../problem/problem-details.js';

export function cursorOf(recordedAtMs: number, eventId: string): string {
  return Buffer.from(`${recordedAtMs}|${eventId}`, 'utf8').toString('base64url');
}

export function afterOf(cursor: unknown): { recordedAtMs: number; eventId: string } | undefined {
  if (cursor === undefined) return undefined;
  const decoded = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^(\d{1,16})\|([0-9a-fA-F-]{36})$/.exec(decoded);
  if (!match)
    throw new ProblemException(
      problems.validation('cursor must be a nextCursor this API gave.', [
        { field: 'cursor', message: 'must be a nextCursor this API gave' },
      ]),
    );
  return { recordedAtMs: Number(match[1]), eventId: match[2]! };
}
