/**
 * Pure: the query of GET /cases (API.md "Queries": worklist and search) from its parameters and the
 * caller, as a `case_views` filter, sort and keyset range over the indexes of CASE_VIEW_INDEXES.
 * The caller's scope (R1, read-scope/case-scope-filter.ts) is always part of the filter, so asking
 * for another center or department finds nothing rather than more.
 *
 * Sorts: `-receivedAt` (default: newest first, the cases not yet received after the others, by
 * case id descending) and `deadline` (earliest first; only cases that have a deadline). Both end in
 * `_id`, the keyset tie-break; the cursor is the last item's (sort value, case id), the sort value
 * '' for a case not yet received; worklistReads turns it into the keyset reads that follow it.
 */
import type { Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { STATUSES_BEFORE_RECEIPT, type CaseStatus } from '#domain/case/case-state.js';
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
  /** The scope and the asked filters; undefined: the caller's scope grants nothing (R1), the page is empty. */
  readonly filter: Filter<StoredCaseViewDocument> | undefined;
  readonly sort: WorklistSort;
  /** Assessed at the moment of the query (the stored level is as of the last event). */
  readonly level?: WorklistLevel;
}

export type Key = readonly [string, string];

/**
 * Later than any date a case holds (the largest JS date): `$lte` of it is "a date", as `$type:
 * 'date'` is, but as a range both servers run over an index (the local FerretDB's patch pushes
 * down comparisons with dates, not `$type`).
 */
const LAST_DATE = new Date(8.64e15);

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
  // The sort value is an instant in milliseconds, or '' for a case not yet received (-receivedAt).
  if (cursor && !(/^-?\d+$/.test(cursor[0]) || (cursor[0] === '' && sort === '-receivedAt')))
    throw invalidParameter('cursor', 'must be a nextCursor this API gave for this sort');
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
  const deadlineFilter = sort === 'deadline' ? { $lte: LAST_DATE, ...deadline } : deadline;
  const filter = allOf([scope.sees, { ...asked, ...(deadlineFilter && { deadlineAt: deadlineFilter }) }]);
  return { filter, sort, ...(level !== undefined && { level }), ...after };
}

/**
 * The conjunction of the filters, leaving out empty ones (an auditor's scope, no parameter): the
 * local FerretDB's patch pushes no `$and` down that holds an empty document.
 */
function allOf(filters: readonly Filter<StoredCaseViewDocument>[]): Filter<StoredCaseViewDocument> {
  const parts = filters.filter((f) => Object.keys(f).length > 0);
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { $and: [...parts] };
}

/** One keyset read of a page: a filter and the order of an index that serves it. */
export interface WorklistRead {
  readonly filter: Filter<StoredCaseViewDocument>;
  readonly sort: Record<string, 1 | -1>;
}

/**
 * The keyset reads that list the documents after the cursor's (sort value, case id) in the sort's
 * order, to be read one after the other until the page is full. Each is one range of an index on
 * MongoDB and on the local FerretDB, whose patch (scripts/ferretdb) pushes down comparisons with
 * dates and strings, equality with null, $and and $or: a `$or` with a `receivedAt: null` branch,
 * before null was pushed down, made it walk the sort's index from the newest case on every page
 * (1,087 s for a center of 30,000 cases).
 *
 * `-receivedAt` is two reads: the received cases, newest first (`receivedAt` a date: `$lte` of
 * the last date, which both servers run as an index range), then those not yet received (null),
 * by case id descending. The second is sorted `{receivedAt: 1, _id: -1}`: the same order, since
 * receivedAt is null throughout; MongoDB reads it from center_received under its equality; the
 * local FerretDB reads its (receivedAt, _id) index's range `IS NULL` backwards, with a LIMIT.
 */
export function worklistReads(
  sort: WorklistSort,
  filter: Filter<StoredCaseViewDocument>,
  after: Key | undefined,
): WorklistRead[] {
  const and = (keyset: Filter<StoredCaseViewDocument>): Filter<StoredCaseViewDocument> =>
    allOf([filter, keyset]);
  if (sort === 'deadline') {
    const at = after && new Date(Number(after[0]));
    // After (at, id): due at or after `at` (the index range), and after `at` or a higher id.
    const keyset: Filter<StoredCaseViewDocument> | undefined = at && {
      deadlineAt: { $gte: at },
      $or: [{ deadlineAt: { $gt: at } }, { _id: { $gt: after[1] } }],
    };
    return [{ filter: and(keyset ?? {}), sort: { deadlineAt: 1, _id: 1 } }];
  }
  const notReceived = (id?: string): WorklistRead => ({
    filter: and({
      receivedAt: null,
      // Named beside `receivedAt: null`, it changes nothing on MongoDB; the local FerretDB filters
      // on it in SQLite (per row: `status` is in no index), exactly, so that read keeps its LIMIT
      // there (build 6, which also pushes `receivedAt: null` down; before it, this list kept the
      // received cases out in SQLite instead of decoding each of them).
      status: { $in: [...STATUSES_BEFORE_RECEIPT] },
      ...(id !== undefined && { _id: { $lt: id } }),
    }),
    sort: { receivedAt: 1, _id: -1 },
  });
  if (after?.[0] === '') return [notReceived(after[1])];
  const at = after && new Date(Number(after[0]));
  // After (at, id): received at or before `at` (the index range), and before `at` or a lower id.
  const received: Filter<StoredCaseViewDocument> = at
    ? { receivedAt: { $lte: at }, $or: [{ receivedAt: { $lt: at } }, { _id: { $lt: after[1] } }] }
    : { receivedAt: { $lte: LAST_DATE } };
  return [{ filter: and(received), sort: { receivedAt: -1, _id: -1 } }, notReceived()];
}

/** The cursor after a document of the page. */
export function worklistCursor(
  sort: WorklistSort,
  doc: Pick<StoredCaseViewDocument, '_id' | 'receivedAt' | 'deadlineAt'>,
): string {
  const at = sort === 'deadline' ? doc.deadlineAt : doc.receivedAt;
  return encodeCursor([at === null ? '' : String(at.getTime()), doc._id]);
}
