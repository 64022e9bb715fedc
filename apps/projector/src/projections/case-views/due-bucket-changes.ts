/**
 * Pure: the changes to `case_due_buckets` when a case's `nextCheckAt` goes from `before` to `after`
 * (null: none, the case is closed or nothing can fall due). The case leaves the bucket of `before`
 * and enters the bucket of `after`; the index counts the cases of each bucket and drops a bucket
 * once it is empty, so supervision never reads the past hours whose cases have all moved on.
 *
 * The count moves by one per move, not by what the bucket holds: the index cannot see the bucket.
 * That is exact because `before` is the `nextCheckAt` of the case view this step was built on, and
 * the runner applies each change to each shared document exactly once (its `_position` guard), so
 * the case is in the bucket of `before` whenever a step removes it from there.
 */
import type { EpochMs } from '#domain/calendar/index.js';
import type { Position } from '#infra/event-store/event-store.port.js';
import {
  DUE_BUCKET_INDEX_ID,
  dueBucketIdOf,
  dueBucketStartOf,
  type CaseDueBucket,
  type CaseDueBucketIndex,
} from '#infra/read-store/documents/case-due-bucket-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { ProjectedDocument, SharedChange } from '../../projection/projection.js';

export function dueBucketChanges(
  caseId: string,
  before: EpochMs | null,
  after: EpochMs | null,
  position: Position,
): SharedChange[] {
  if (before === after) return [];
  const from = before === null ? undefined : dueBucketIdOf(before);
  const to = after === null ? undefined : dueBucketIdOf(after);
  const changes: SharedChange[] = [];
  if (from !== undefined && from !== to) changes.push(bucketChange(from, before!, caseId, null));
  if (to !== undefined) changes.push(bucketChange(to, after!, caseId, after));
  const counts = new Map<string, number>();
  if (from !== undefined && from !== to) counts.set(from, -1);
  if (to !== undefined) counts.set(to, from === to ? 0 : 1);
  changes.push(indexChange(counts, position));
  return changes;
}

/** Sets (or removes, `nextCheckAt` null) the case's entry in one bucket: idempotent, whatever was there. */
function bucketChange(id: string, at: EpochMs, caseId: string, nextCheckAt: EpochMs | null): SharedChange {
  return {
    collection: READ_MODELS.caseDueBuckets,
    id,
    apply(current) {
      // The runner's working copy for the batch (projection.ts): changed in place.
      const bucket = (current as unknown as CaseDueBucket | undefined) ?? {
        _id: id,
        startsAt: dueBucketStartOf(at),
        count: 0,
        entries: {},
      };
      const had = Object.hasOwn(bucket.entries, caseId);
      if (nextCheckAt === null) delete bucket.entries[caseId];
      else bucket.entries[caseId] = nextCheckAt;
      bucket.count += (nextCheckAt === null ? 0 : 1) - (had ? 1 : 0);
      return bucket as unknown as ProjectedDocument;
    },
  };
}

/** Moves the counts of the buckets a step touched, noting the position they changed at. */
function indexChange(counts: ReadonlyMap<string, number>, position: Position): SharedChange {
  return {
    collection: READ_MODELS.caseDueBuckets,
    id: DUE_BUCKET_INDEX_ID,
    apply(current) {
      const index = (current as unknown as CaseDueBucketIndex | undefined) ?? {
        _id: DUE_BUCKET_INDEX_ID,
        buckets: {},
      };
      for (const [id, delta] of counts) {
        const count = (index.buckets[id]?.count ?? 0) + delta;
        if (count > 0) index.buckets[id] = { count, position };
        else delete index.buckets[id];
      }
      return index as unknown as ProjectedDocument;
    },
  };
}
