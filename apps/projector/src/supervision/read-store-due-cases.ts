/**
 * The due-case query over the projector's `case_due_buckets` (DESIGN.md "Read models"; documents in
 * case-due-bucket-document.ts): open cases whose `nextCheckAt` has passed, in (nextCheckAt, caseId)
 * order. Every read is by `_id`: the index document, then the buckets (hours) that have begun, in
 * order, from the bucket of the page's `after`, until a page is full. The cost follows the due cases
 * (and the cases of the current hour), never the open cases: FerretDB 1.x would run any range filter
 * over `case_views` as a scan of every case view.
 *
 * A bucket is kept in memory as long as the index names it at the position it was read at, so the
 * pages of a tick read it once. Closed cases have no `nextCheckAt` and are in no bucket.
 */
import type { Collection, Db } from 'mongodb';
import type { EpochMs } from '#domain/calendar/index.js';
import {
  decodeDueBucket,
  decodeDueBucketIndex,
  DUE_BUCKET_INDEX_ID,
  dueBucketStartOf,
  type AnyStoredCaseDueBucket,
  type StoredCaseDueBucket,
  type StoredCaseDueBucketIndex,
} from '#infra/read-store/documents/case-due-bucket-document.js';
import type { Position } from '#infra/event-store/event-store.port.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { DueCase, DueCases } from './due-cases.port.js';

/** (nextCheckAt, caseId), the case id in code-unit order as the keyset cursor compares it. */
const byDueOrder = (a: DueCase, b: DueCase): number =>
  a.nextCheckAt - b.nextCheckAt || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

const isAfter = (c: DueCase, after: DueCase | undefined): boolean =>
  after === undefined ||
  c.nextCheckAt > after.nextCheckAt ||
  (c.nextCheckAt === after.nextCheckAt && c.caseId > after.caseId);

interface ReadBucket {
  readonly position: Position | undefined;
  /** Its cases in due order. */
  readonly cases: readonly DueCase[];
}

export class ReadStoreDueCases implements DueCases {
  private readonly buckets: Collection<AnyStoredCaseDueBucket>;
  private readonly kept = new Map<string, ReadBucket>();

  constructor(db: Db) {
    this.buckets = db.collection<AnyStoredCaseDueBucket>(READ_MODELS.caseDueBuckets);
  }

  async dueAt(now: EpochMs, limit: number, after?: DueCase): Promise<readonly DueCase[]> {
    const stored = await this.buckets.findOne({ _id: DUE_BUCKET_INDEX_ID });
    if (!stored || limit <= 0) return [];
    const index = decodeDueBucketIndex(stored as StoredCaseDueBucketIndex).buckets;
    const from = after === undefined ? -Infinity : dueBucketStartOf(after.nextCheckAt);
    const begun = Object.keys(index)
      .map((id) => ({ id, startsAt: Date.parse(id) }))
      .filter((b) => b.startsAt <= now)
      .sort((a, b) => a.startsAt - b.startsAt);
    // Forget buckets that moved on, emptied or are not due; keep the others for the next page.
    const current = new Set(begun.map((b) => b.id));
    for (const id of this.kept.keys()) if (!current.has(id)) this.kept.delete(id);

    const out: DueCase[] = [];
    for (const { id, startsAt } of begun) {
      if (startsAt < from) continue;
      const bucket = await this.bucket(id, index[id]!.position);
      for (const c of bucket.cases) {
        if (c.nextCheckAt > now) break;
        if (isAfter(c, after)) out.push(c);
      }
      // Buckets are disjoint and in time order: a full page needs none of the later ones.
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  /** A bucket's cases in due order: kept when the index names the position it was read at. */
  private async bucket(id: string, position: Position): Promise<ReadBucket> {
    const kept = this.kept.get(id);
    if (kept && kept.position === position) return kept;
    const stored = await this.buckets.findOne({ _id: id });
    // Not written yet (the index and its buckets are written in parallel chunks): next tick.
    if (!stored) return { position: undefined, cases: [] };
    const bucket = decodeDueBucket(stored as StoredCaseDueBucket);
    const read: ReadBucket = {
      position: bucket._position,
      cases: Object.entries(bucket.entries)
        .map(([caseId, nextCheckAt]) => ({ caseId, nextCheckAt }))
        .sort(byDueOrder),
    };
    this.kept.set(id, read);
    return read;
  }
}
