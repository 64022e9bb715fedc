/**
 * Applies batches of events to one projection (DESIGN.md "Read models"). A worker loads the
 * documents a batch touches (worker-documents.ts), applies the pure projection functions event by
 * event, skipping every event a document has already seen (its `_position`), writes the shared
 * documents' deltas (shared-deltas.ts) then the unit documents (new ones whole, stored ones as an
 * update of the fields that changed: unit-writes.ts), guarded by the position they were built from,
 * parks the events that could not be applied, and returns the checkpoint the runner saves after the
 * round (one command for all projections: checkpoint-store.ts `saveCheckpoints`).
 *
 * A replayed event changes nothing: a document whose `_position` is at or past it skips it. A crash
 * anywhere leaves documents that are each either before or after a batch's events, never between:
 * the next run reads them back and applies what each one lacks.
 */
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { START, type Position, type RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { Projection } from '../projection/projection.js';
import { createDeclaredIndexes, finishSwap } from '../rebuild/swap-rebuilt-collections.js';
import { builtWithOf, loadCheckpoint, type CheckpointToSave } from './checkpoint-store.js';
import { seen } from './document-slot.js';
import { parkEvents, type ParkedEvent } from './parked-events.js';
import { PendingDeltas } from './pending-deltas.js';
import type { MergedDelta } from './shared-deltas.js';
import { WorkerDocuments } from './worker-documents.js';

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

/** The unit an event belongs to, for the events of the types the projection handles. */
const unitOf = (p: Projection, event: RecordedEvent): string | undefined =>
  p.eventTypes && !p.eventTypes.has(event.type) ? undefined : p.unitOf(event);

export class ProjectionWorker {
  /** Every event up to here is applied (the checkpoint). */
  position: Position = START;
  /** The projection version the documents were built with, as the checkpoint records it. */
  builtWith: number | undefined;
  private context: unknown;
  private readonly documents: WorkerDocuments;

  constructor(
    readonly projection: Projection,
    private readonly db: Db,
    readonly target: WorkerTarget = LIVE_TARGET(projection),
    private readonly options: WorkerOptions = {},
  ) {
    this.documents = new WorkerDocuments(projection, db, target, options);
    this.context = projection.initialContext;
  }

  /**
   * Reads the checkpoint (START when none), forgets cached documents, creates indexes (unless
   * deferred); under the live lease, first finishes a swap a crash interrupted, fenced by
   * `stillHeld` (it extends the lease, false when it is no longer ours).
   */
  async start(stillHeld: () => Promise<boolean>): Promise<void> {
    this.documents.forget();
    // Holding the live lease: finish a rebuild's swap that a crash interrupted, before building on.
    if (this.target.checkpointId === this.projection.name)
      await finishSwap(this.db, this.projection, { resumed: true, stillHeld });
    const checkpoint = await loadCheckpoint(this.db, this.target.checkpointId);
    this.position = checkpoint?.position ?? START;
    this.context = checkpoint?.context ?? this.projection.initialContext;
    this.builtWith = builtWithOf(checkpoint, this.projection);
    if (!this.target.deferIndexes)
      await createDeclaredIndexes(this.db, this.projection, this.target.collectionName);
    if (this.position === START) await this.documents.trackWrittenIfEmpty();
  }

  /** Forgets cached documents: after a failed write or a lost lease they may be stale. */
  invalidate(): void {
    this.documents.forget();
  }

  /**
   * Applies `events` (all after the checkpoint, in position order) and returns the checkpoint at
   * `next` to save; the worker moves there on `commit`.
   */
  async applyBatch(events: readonly RecordedEvent[], next: Position): Promise<AppliedBatch> {
    const p = this.projection;
    let context = this.context;
    const t0 = performance.now();
    const unitIds = events.map((e) => unitOf(p, e));
    const units = await this.documents.load(
      p.unitCollection,
      unitIds.filter((id): id is string => id !== undefined),
    );
    const pending = new PendingDeltas();
    const parked: ParkedEvent[] = [];
    let applied = 0;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      context = p.reduceContext(context, event);
      const id = unitIds[i];
      if (id === undefined) continue;
      const slot = units.get(id)!;
      if (seen(slot, event.position)) continue;
      let step;
      try {
        step = p.apply(slot.doc, p.decode(event), context);
      } catch (error) {
        parked.push({ event, error });
        continue;
      }
      slot.doc = step.unit;
      slot.position = event.position;
      slot.dirty = true;
      applied++;
      for (const delta of step.shared ?? []) pending.add(delta, event.position);
    }

    const t1 = performance.now();
    // Shared documents are loaded for their `_position` only: a delta needs nothing else.
    const shared = new Map<string, Map<string, MergedDelta>>();
    for (const collection of pending.collections()) {
      const slots = await this.documents.load(collection, pending.ids(collection), true);
      shared.set(collection, pending.merged(collection, slots));
    }
    const t2 = performance.now();
    try {
      // Shared documents first: if the process dies before the unit documents are written, their
      // events are applied again and the shared documents skip what they already have.
      for (const [collection, merged] of shared) await this.documents.writeShared(collection, merged);
      await this.documents.write(p.unitCollection, units);
    } catch (error) {
      this.invalidate();
      throw error;
    }
    const t3 = performance.now();
    this.options.logger?.debug(
      {
        projection: this.target.checkpointId,
        events: events.length,
        units: units.size,
        loadAndApplyMs: Math.round(t1 - t0),
        sharedMs: Math.round(t2 - t1),
        writeMs: Math.round(t3 - t2),
      },
      'batch applied',
    );
    if (parked.length > 0) {
      await parkEvents(this.db, this.target.checkpointId, parked);
      for (const { event, error } of parked)
        this.options.logger?.warn(
          { projection: this.target.checkpointId, eventId: event.eventId, type: event.type, err: error },
          'event parked: the projection cannot apply it',
        );
    }
    const checkpoint: CheckpointToSave = {
      projection: p.name,
      position: next,
      context,
      // reduceContext returns the same object when an event changes nothing (projection.ts).
      contextUnchanged: context === this.context,
      phase: this.target.phase,
      version: this.builtWith,
    };
    const commit = (): void => {
      this.context = context;
      if (next > this.position) this.position = next;
    };
    return { outcome: { applied, parked: parked.length }, checkpoint, commit };
  }
}
