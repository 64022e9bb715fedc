/**
 * Documents of `case_due_buckets`: supervision's roster of due times (DESIGN.md "Supervision"). One
 * document per hour of `nextCheckAt` holding the open cases whose next check falls in that hour,
 * and one index document naming the hours that hold any case, with their counts and the position
 * they last changed at.
 *
 * Why buckets and not a query over `case_views`: FerretDB 1.x runs `{nextCheckAt: {$lte: now}}` as
 * a scan decoding every case view (tens of seconds at 100,000 cases, minutes at a million), whatever
 * the indexes; only `_id` equality reaches its storage. The due cases are read instead as the index
 * and the hours that have begun, each by `_id`, so a tick costs what is due, not what is open. The
 * entries (and the index's hours) are one JSON string: FerretDB decodes a string as one value. On
 * MongoDB these are plain `_id` reads as well.
 */
import { toShanghaiIso, type EpochMs } from '#domain/calendar/index.js';
import type { Position } from '../../event-store/event-store.port.js';
import { canonicalJson } from '../../integrity/canonical-json.js';

/**
 * An hour: the current hour's bucket also holds cases due later in it (read, then left out), so the
 * width bounds the waste per tick; narrower buckets make the index longer (it lists one entry per
 * hour that holds a case, a few thousand at most for deadlines months ahead).
 */
export const DUE_BUCKET_MS = 3_600_000;

/** The `_id` of the index document (sorts before every hour's id). */
export const DUE_BUCKET_INDEX_ID = '(index)';

/** The start of the bucket holding `at`. */
export const dueBucketStartOf = (at: EpochMs): EpochMs => Math.floor(at / DUE_BUCKET_MS) * DUE_BUCKET_MS;

/** The `_id` of the bucket holding `at`: its start in Shanghai time, e.g. `2026-03-10T09:00:00.000+08:00`. */
export const dueBucketIdOf = (at: EpochMs): string => toShanghaiIso(dueBucketStartOf(at));

/** One hour's cases, as the projector and supervision work with them. */
export interface CaseDueBucket {
  _id: string;
  _position?: Position;
  /** The hour's start. */
  startsAt: EpochMs;
  count: number;
  /** `nextCheckAt` (epoch ms) by case id. */
  entries: Record<string, EpochMs>;
}

/** As stored: the start as a date, the entries as canonical JSON (the same cases give the same text). */
export interface StoredCaseDueBucket {
  _id: string;
  _position: Position;
  startsAt: Date;
  count: number;
  entries: string;
}

export interface DueBucketIndexEntry {
  /** Cases in the bucket; the bucket leaves the index at 0. */
  count: number;
  /** The position the bucket last changed at: equal to its `_position`, so a reader can keep it. */
  position: Position;
}

/** The index as the projector and supervision work with it. */
export interface CaseDueBucketIndex {
  _id: string;
  _position?: Position;
  buckets: Record<string, DueBucketIndexEntry>;
}

export interface StoredCaseDueBucketIndex {
  _id: string;
  _position: Position;
  buckets: string;
}

export type AnyCaseDueBucket = CaseDueBucket | CaseDueBucketIndex;
export type AnyStoredCaseDueBucket = StoredCaseDueBucket | StoredCaseDueBucketIndex;

export const isDueBucketIndex = (doc: { _id: string }): boolean => doc._id === DUE_BUCKET_INDEX_ID;

export function encodeDueBucket(doc: CaseDueBucket & { _position: Position }): StoredCaseDueBucket {
  return {
    _id: doc._id,
    _position: doc._position,
    startsAt: new Date(doc.startsAt),
    count: doc.count,
    entries: canonicalJson(doc.entries),
  };
}

export function decodeDueBucket(stored: StoredCaseDueBucket): CaseDueBucket {
  return {
    _id: stored._id,
    _position: stored._position,
    startsAt: stored.startsAt.getTime(),
    count: stored.count,
    entries: JSON.parse(stored.entries) as Record<string, EpochMs>,
  };
}

export function encodeDueBucketIndex(
  doc: CaseDueBucketIndex & { _position: Position },
): StoredCaseDueBucketIndex {
  return { _id: doc._id, _position: doc._position, buckets: canonicalJson(doc.buckets) };
}

export function decodeDueBucketIndex(stored: StoredCaseDueBucketIndex): CaseDueBucketIndex {
  return {
    _id: stored._id,
    _position: stored._position,
    buckets: JSON.parse(stored.buckets) as Record<string, DueBucketIndexEntry>,
  };
}
