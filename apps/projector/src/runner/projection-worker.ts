/**
 * Applies batches of events to one projection (DESIGN.md "Read models"): what a worker is, and
 * how one is made. The worker (pure-projection-worker.ts) loads the documents a batch touches,
 * applies the projection's functions and writes the documents guarded by the position they were
 * built from (worker-documents.ts); it returns the checkpoint the runner saves after the round
 * (one command for all projections: checkpoint-store.ts `saveCheckpoints`).
 *
 * A replayed event changes nothing: a document whose `_position` is at or past it skips it. A crash
 * anywhere leaves documents that are each either before or after a batch's events, never between:
 * the next run reads them back and applies what each one lacks.
 */
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Position, RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { Projection } from '../projection/projection.js';
import type { CheckpointToSave } from './checkpoint-store.js';
import { PureProjectionWorker } from './pure-projection-worker.js';

/** Where a worker writes: the live collections and checkpoint, or a rebuild's. */
export interface WorkerTarget {
  /** The checkpoint (and lease) id: the projection's name, or `<name>#rebuild`. */
  readonly checkpointId: string;
  /** The collection a read model is written to. */
  readonly collectionName: (readModel: string) => string;
  /** Saved with the checkpoint of a rebuild. */
  readonly phase?: 'building';
  /**
   * Only `_id` while writing (a rebuild bulk-loads, reading nothing but by `_id`): the declared
   * secondary indexes are built once, on the loaded collections, before the swap
   * (swap-rebuilt-collections.ts `createDeclaredIndexes`).
   */
  readonly deferIndexes?: boolean;
}

export const LIVE_TARGET = (projection: Projection): WorkerTarget => ({
  checkpointId: projection.name,
  collectionName: (name) => name,
});

export interface BatchOutcome {
  /** Events of the batch this projection applied (not counting those it ignores or had seen). */
  readonly applied: number;
  readonly parked: number;
}

export interface WorkerOptions {
  /** Documents kept in memory per projection; default 2000 (more costs memory, and little time). */
  readonly cacheSize?: number;
  /** Write commands in flight; default 4. */
  readonly writeConcurrency?: number;
  /** `$in` reads in flight; default 4. */
  readonly readConcurrency?: number;
  readonly logger?: Logger;
}

/** A batch whose documents are written: its checkpoint is still to be saved, then `commit`ted. */
export interface AppliedBatch {
  readonly outcome: BatchOutcome;
  readonly checkpoint: CheckpointToSave;
  /** Moves the worker to the checkpoint, once it is saved. */
  commit(): void;
}

export interface ProjectionWorker {
  readonly projection: Projection;
  readonly target: WorkerTarget;
  /** Every event up to here is applied (the checkpoint). */
  readonly position: Position;
  /** The projection version the documents were built with, as the checkpoint records it. */
  readonly builtWith: number | undefined;
  /**
   * Reads the checkpoint (START when none), forgets cached documents, creates indexes (unless
   * deferred); under the live lease, first finishes a swap a crash interrupted, fenced by
   * `stillHeld` (it extends the lease, false when it is no longer ours).
   */
  start(stillHeld: () => Promise<boolean>): Promise<void>;
  /** Forgets cached documents: after a failed write or a lost lease they may be stale. */
  invalidate(): void;
  /**
   * Applies `events` (all after the checkpoint, in position order) and returns the checkpoint at
   * `next` to save; the worker moves there on `commit`.
   */
  applyBatch(events: readonly RecordedEvent[], next: Position): Promise<AppliedBatch>;
}

export function createWorker(
  projection: Projection,
  db: Db,
  target: WorkerTarget = LIVE_TARGET(projection),
  options: WorkerOptions = {},
): ProjectionWorker {
  return new PureProjectionWorker(projection, db, target, options);
}
