/**
 * Pure: the query of GET /cases (API.md "Queries": worklist and search) from its parameters and the
 * caller, as a `case_views` filter, sort and keyset range over the indexes of CASE_VIEW_INDEXES.
 * The caller's scope (R1, read-scope/case-scope-filter.ts) is always part of the filter, so asking
 * for another center or department finds nothing rather than more.
 *
 * Sorts: `-receivedAt` (default: newest first, the cases not yet received after the others) and
 * `deadline` (earliest first; only cases that have a deadline). Both end in `_id`, the keyset
 * tie-break; the cursor is the last item's (sort value, case id).
 */
import type { Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import type { CaseStatus } from '#domain/case/case-state.js';
import type { StoredCaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import { caseScopeFilter } from '../read-scope/case-scope-filter.js';
import { invalidParameter } from '../view-problems.js';
import {
  decodeCursor,
  encodeCursor,
  optionalEnum,
  optionalId,
  optionalInstant,
} from '../view-query-parameters.js';

export const CASE_STATUSES: readonly CaseStatus[] = [
  'inquiry',
  'referred',
  'answered',
  'received',
  'awaitingSupplement',
  'rejected',
  'accepted',
  'suspended',
  'completed',
  'withdrawn',
];
export const LEVELS = ['normal', 'warning', 'yellow', 'red'] as const;
export type WorklistLevel = (typeof LEVELS)[number];
export type WorklistSort = '-receivedAt' | 'deadline';

export interface WorklistQuery {
  /** undefined: the caller's scope grants nothing (R1), the page is empty. */
  readonly filter: Filter<StoredCaseViewDocument> | undefined;
  readonly sort: WorklistSort;
  /** Assessed at the moment of the query (the stored level is as of the last event). */
  readonly level?: WorklistLevel;
}

type Key = readonly [string, string];

/** A text parameter of bounded length (receipt numbers, the start of a name). */
function optionalText(field: string, value: unknown, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > max)
    throw invalidParameter(field, `must be text of 1 to ${max} characters`);
  return value.trim();
}

function statusList(value: unknown): CaseStatus[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : [];
  if (list.length === 0 || list.some((s) => !(CASE_STATUSES as readonly string[]).includes(s)))
    throw invalidParameter('status', `must be a comma list of ${CASE_STATUSES.join(', ')}`);
  return list as CaseStatus[];
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function range(from: number | undefined, to: number | undefined, exclusive: boolean): object | undefined {
  if (from === undefined && to === undefined) return undefined;
  return {
    ...(from !== undefined && { [exclusive ? '$gt' : '$gte']: new Date(from) }),
    ...(to !== undefined && { [exclusive ? '$lt' : '$lte']: new Date(to) }),
  };
}

export function worklistQuery(actor: Actor, query: Record<string, unknown>): WorklistQuery & { after?: Key } {
  const sort = optionalEnum('sort', query.sort, ['-receivedAt', 'deadline'] as const) ?? '-receivedAt';
  const statuses = statusList(query.status);
  const centerId = optionalId('centerId', query.centerId);
  const departmentId = optionalId('departmentId', query.departmentId);
  const windowId = optionalId('windowId', query.windowId);
  const matterCode = optionalId('matterCode', query.matterCode);
  const receiptNo = optionalText('receiptNo', query.receiptNo, 64);
  const applicantName = optionalText('applicantName', query.applicantName, 50);
  const handledBy = optionalEnum('handledBy', query.handledBy, ['me'] as const);
  const level = optionalEnum('level', query.level, LEVELS);
  const deadline = range(
    optionalInstant('deadlineAfter', query.deadlineAfter),
    optionalInstant('deadlineBefore', query.deadlineBefore),
    true,
  );
  const received = range(
    optionalInstant('receivedFrom', query.receivedFrom),
    optionalInstant('receivedTo', query.receivedTo),
    false,
  );
  const cursor = decodeCursor(query.cursor, ['string', 'string']) as Key | undefined;
  const after = cursor && { after: cursor };
  const scope = caseScopeFilter(actor);
  if (scope.sees === 'nothing') return { filter: undefined, sort, ...after };
  const asked: Filter<StoredCaseViewDocument> = {
    ...(statuses && { status: statuses.length === 1 ? statuses[0]! : { $in: statuses } }),
    ...(centerId !== undefined && { centerId }),
    ...(departmentId !== undefined && { departmentId }),
    ...(windowId !== undefined && { windowId }),
    ...(matterCode !== undefined && { matterCode }),
    ...(receiptNo !== undefined && { receiptNo }),
    // A prefix: anchored, so MongoDB runs it as a range over the applicant_name index.
    ...(applicantName !== undefined && { 'applicant.name': { $regex: `^${escapeRegex(applicantName)}` } }),
    ...(handledBy === 'me' && { handledBy: actor.id }),
    ...(received && { receivedAt: received }),
  };
  const deadlineFilter = sort === 'deadline' ? { $type: 'date', ...deadline } : deadline;
  const filter: Filter<StoredCaseViewDocument> = {
    $and: [
      scope.sees,
      { ...asked, ...(deadlineFilter && { deadlineAt: deadlineFilter }) },
      ...(cursor ? [keysetAfter(sort, cursor)] : []),
    ],
  };
  return { filter, sort, ...(level !== undefined && { level }), ...after };
}

/** The documents after the cursor's (sort value, case id), in the sort's order. */
function keysetAfter(sort: WorklistSort, [value, id]: Key): Filter<StoredCaseViewDocument> {
  if (sort === 'deadline') {
    const at = new Date(Number(value));
    return { $or: [{ deadlineAt: { $gt: at } }, { deadlineAt: at, _id: { $gt: id } }] };
  }
  // Newest first, then the cases not yet received (null sorts last in descending order).
  if (value === '') return { receivedAt: null, _id: { $lt: id } };
  const at = new Date(Number(value));
  return {
    $or: [{ receivedAt: { $lt: at } }, { receivedAt: at, _id: { $lt: id } }, { receivedAt: null }],
  };
}

export const worklistSortSpec = (sort: WorklistSort): Record<string, 1 | -1> =>
  sort === 'deadline' ? { deadlineAt: 1, _id: 1 } : { receivedAt: -1, _id: -1 };

/** The cursor after a document of the page. */
export function worklistCursor(
  sort: WorklistSort,
  doc: Pick<StoredCaseViewDocument, '_id' | 'receivedAt' | 'deadlineAt'>,
): string {
  const at = sort === 'deadline' ? doc.deadlineAt : doc.receivedAt;
  return encodeCursor([at === null ? '' : String(at.getTime()), doc._id]);
}
