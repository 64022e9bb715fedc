/**
 * Applies batches of events to one projection (DESIGN.md "Read models"): loads the documents the
 * batch touches (cache first, then by `_id` with `$in`: the only reads, so a rebuild needs no other index), applies the pure projection functions event by event,
 * skipping every event a document has already seen (its `_position`), writes the shared documents'
 * deltas (shared-deltas.ts) then the unit documents (new ones whole, stored ones as an update of the
 * fields that changed: unit-update.ts), guarded by the position they were built from, parks the events that could not be
 * applied, and returns the checkpoint the runner saves after the round (one command for all
 * projections: checkpoint-store.ts `saveCheckpoints`).
 *
 * A replayed event changes nothing: a document whose `_position` is at or past it skips it. A crash
 * anywhere leaves documents that are each either before or after a batch's events, never between:
 * the next run reads them back and applies what each one lacks.
 */
import type { Collection, Db } from 'mongodb';
import type { Logger } from 'pino';
import { START, type Position, type RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  runLimited,
  updateGuarded,
  writeGuarded,
  type GuardedUpdate,
  type GuardedWrite,
  type VersionedDocument,
} from '#infra/read-store/guarded-writes.js';
import {
  isPureProjection,
  type AnyProjection,
  type DocumentCodec,
  type ProjectedDocument,
  type Projection,
  type SelfWritingProjection,
  type SharedDelta,
} from '../projection/projection.js';
import { createDeclaredIndexes, finishSwap } from '../rebuild/swap-rebuilt-collections.js';
import { loadCheckpoint, type CheckpointToSave, type LoadedCheckpoint } from './checkpoint-store.js';
import { DocumentCache } from './document-cache.js';
import { parkEvents, type ParkedEvent } from './parked-events.js';
import { MergedDelta, writeMerged } from './shared-deltas.js';
import { unitUpdate } from './unit-update.js';
import { WrittenIds } from './written-ids.js';

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

export const LIVE_TARGET = (projection: AnyProjection): WorkerTarget => ({
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
  readonly projection: AnyProjection;
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
  projection: AnyProjection,
  db: Db,
  target: WorkerTarget = LIVE_TARGET(projection),
  options: WorkerOptions = {},
): ProjectionWorker {
  return isPureProjection(projection)
    ? new PureProjectionWorker(projection, db, target, options)
    : new SelfWritingWorker(projection, db, target);
}

interface Slot {
  readonly collection: string;
  readonly id: string;
  doc: ProjectedDocument | undefined;
  /**
   * The document as stored (its encoded, stored form, as read: a document of an older version keeps
   * its older fields), what an update of the changed fields is computed against.
   */
  base: ProjectedDocument | undefined;
  /** `_position` as stored (what the next write is guarded with); undefined when not stored. */
  stored: Position | undefined;
  /** Position of the last event applied to `doc`. */
  position: Position | undefined;
  dirty: boolean;
}

/**
 * Whether the document as stored has already seen the event at `position` (a replay). Compared with
 * the stored position, not the last one applied in this batch: one event may change a shared
 * document twice (a day's counts move from one window to another). Positions are fixed-width
 * strings (event-store/position.ts): string order is position order.
 */
const seen = (slot: Slot, position: Position): boolean =>
  slot.stored !== undefined && slot.stored >= position;

/**
 * The version a worker's checkpoint records: the one its checkpoint had (the live projector goes on
 * with newer code over documents built by older code, and must not claim otherwise until a rebuild
 * swaps in), or the projection's own when it starts from nothing.
 */
const builtWithOf = (
  checkpoint: LoadedCheckpoint | undefined,
  projection: AnyProjection,
): number | undefined => (checkpoint ? checkpoint.version : projection.version);

/** The unit an event belongs to, for the events of the types the projection handles. */
const unitOf = (p: Projection, event: RecordedEvent): string | undefined =>
  p.eventTypes && !p.eventTypes.has(event.type) ? undefined : p.unitOf(event);

/** Ids per `$in` read of a batch's documents. */
const LOAD_CHUNK = 200;

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

class PureProjectionWorker implements ProjectionWorker {
  position: Position = START;
  builtWith: number | undefined;
  private context: unknown;
  private readonly cache: DocumentCache;
  /**
   * Set when the worker started from START on empty collections: ids it never wrote cannot exist,
   * so a rebuild does not look up every new case. Cleared on any failure.
   */
  private written: Map<string, WrittenIds> | undefined;

  constructor(
    readonly projection: Projection,
    private readonly db: Db,
    readonly target: WorkerTarget,
    private readonly options: WorkerOptions,
  ) {
    this.cache = new DocumentCache(options.cacheSize ?? 2000);
    this.context = projection.initialContext;
  }

  private collection(readModel: string): Collection<VersionedDocument> {
    return this.db.collection<VersionedDocument>(this.target.collectionName(readModel));
  }

  /** Unit documents go through the projection's codec; shared ones are written by deltas. */
  private codec(readModel: string): DocumentCodec<ProjectedDocument, ProjectedDocument> | undefined {
    return readModel === this.projection.unitCollection ? this.projection.unitCodec : undefined;
  }

  async start(stillHeld: () => Promise<boolean>): Promise<void> {
    this.cache.clear();
    this.written = undefined;
    // Holding the live lease: finish a rebuild's swap that a crash interrupted, before building on.
    if (this.target.checkpointId === this.projection.name)
      await finishSwap(this.db, this.projection, { resumed: true, stillHeld });
    const checkpoint = await loadCheckpoint(this.db, this.target.checkpointId);
    this.position = checkpoint?.position ?? START;
    this.context = checkpoint?.context ?? this.projection.initialContext;
    this.builtWith = builtWithOf(checkpoint, this.projection);
    if (!this.target.deferIndexes)
      await createDeclaredIndexes(this.db, this.projection, this.target.collectionName);
    if (this.position === START) {
      const counts = await Promise.all(
        this.projection.collections.map((c) => this.collection(c.name).estimatedDocumentCount()),
      );
      if (counts.every((n) => n === 0))
        this.written = new Map(this.projection.collections.map((c) => [c.name, new WrittenIds()]));
    }
  }

  invalidate(): void {
    this.cache.clear();
    this.written = undefined;
  }

  async applyBatch(events: readonly RecordedEvent[], next: Position): Promise<AppliedBatch> {
    const p = this.projection;
    let context = this.context;
    const t0 = performance.now();
    const units = await this.load(
      p.unitCollection,
      events.map((e) => unitOf(p, e)).filter((id): id is string => id !== undefined),
    );
    const pending: { position: Position; delta: SharedDelta }[] = [];
    const parked: ParkedEvent[] = [];
    let applied = 0;
    for (const event of events) {
      context = p.reduceContext(context, event);
      const id = unitOf(p, event);
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
      for (const delta of step.shared ?? []) pending.push({ position: event.position, delta });
    }

    const t1 = performance.now();
    // Shared documents are loaded for their `_position` only: a delta needs nothing else.
    const shared = new Map<string, Map<string, MergedDelta>>();
    for (const collection of new Set(pending.map((x) => x.delta.collection))) {
      const slots = await this.load(
        collection,
        pending.filter((x) => x.delta.collection === collection).map((x) => x.delta.id),
        true,
      );
      shared.set(
        collection,
        new Map([...slots.values()].map((s) => [s.id, new MergedDelta(s.id, s.stored)])),
      );
    }
    for (const { position, delta } of pending) {
      const merged = shared.get(delta.collection)!.get(delta.id)!;
      if (merged.stored !== undefined && merged.stored >= position) continue;
      merged.add(delta, position);
    }
    const t2 = performance.now();
    try {
      // Shared documents first: if the process dies before the unit documents are written, their
      // events are applied again and the shared documents skip what they already have.
      for (const [collection, merged] of shared) await this.writeShared(collection, merged);
      await this.write(p.unitCollection, units);
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

  /** The documents with these ids, from the cache, else from the store (absent ones as undefined). */
  private async load(
    collection: string,
    ids: readonly string[],
    positionsOnly = false,
  ): Promise<Map<string, Slot>> {
    const slots = new Map<string, Slot>();
    const missing: string[] = [];
    const written = this.written?.get(collection);
    const codec = this.codec(collection);
    for (const id of ids) {
      if (slots.has(id)) continue;
      const cached = this.cache.get(collection, id);
      const slot: Slot = {
        collection,
        id,
        doc: undefined,
        base: undefined,
        stored: undefined,
        position: undefined,
        dirty: false,
      };
      slots.set(id, slot);
      if (cached) {
        slot.doc = cached.doc;
        slot.base = codec ? codec.encode(cached.doc) : cached.doc;
        slot.stored = slot.position = cached.position;
      } else if (!written || written.mayHave(id)) missing.push(id);
    }
    const store = this.collection(collection);
    // `$in` in chunks, a few in flight: one index read per chunk on MongoDB, and on the local
    // FerretDB build, which takes `_id: {$in}` to its _id index (scripts/ensure-ferretdb.sh).
    await runLimited(
      chunksOf(missing, LOAD_CHUNK).map((chunk) => async () => {
        const found = await store
          .find({ _id: { $in: chunk } }, positionsOnly ? { projection: { _position: 1 } } : {})
          .toArray();
        for (const raw of found) {
          const doc = codec ? codec.decode(raw) : raw;
          const slot = slots.get(String(raw._id));
          if (!slot) continue;
          slot.doc = doc;
          slot.base = raw;
          slot.stored = slot.position = (raw as { _position?: Position })._position;
        }
      }),
      this.options.readConcurrency ?? 4,
    );
    return slots;
  }

  private async writeShared(collection: string, merged: Map<string, MergedDelta>): Promise<void> {
    const changed = [...merged.values()].filter((m) => m.position !== undefined);
    if (changed.length === 0) return;
    await writeMerged(
      this.db,
      this.target.collectionName(collection),
      changed,
      this.options.writeConcurrency ?? 4,
    );
    const written = this.written?.get(collection);
    // Cached by position only (a shared document's content never comes back to the projection).
    for (const m of changed) {
      written?.add(m.id);
      this.cache.set(collection, m.id, { doc: { _id: m.id }, position: m.position! });
    }
  }

  private async write(collection: string, slots: Map<string, Slot>): Promise<void> {
    const dirty = [...slots.values()].filter((s) => s.dirty && s.doc !== undefined);
    if (dirty.length === 0) return;
    const codec = this.codec(collection);
    const encode = (doc: ProjectedDocument): ProjectedDocument => (codec ? codec.encode(doc) : doc);
    // A stored document gets an update of the fields that changed; a new one is inserted whole.
    const updates: GuardedUpdate[] = [];
    const writes: GuardedWrite[] = [];
    const encoded = new Map(dirty.map((slot) => [slot, encode(slot.doc!)]));
    for (const [slot, next] of encoded)
      if (slot.stored !== undefined && slot.base !== undefined) {
        const update = unitUpdate(slot.base, next, slot.position!);
        updates.push({ id: slot.id, builtFrom: slot.stored, update });
      } else
        writes.push({
          // `_position` last: a document read back carries the one it was stored with.
          document: { ...next, _id: slot.id, _position: slot.position! },
          builtFrom: slot.stored,
        });
    const options = { concurrency: this.options.writeConcurrency ?? 4 };
    await runLimited(
      [
        () => writeGuarded(this.collection(collection), writes, options),
        () => updateGuarded(this.collection(collection), updates, options),
      ],
      2,
    );
    const written = this.written?.get(collection);
    for (const slot of dirty) {
      slot.stored = slot.position;
      slot.dirty = false;
      written?.add(slot.id);
      slot.base = encoded.get(slot);
      this.cache.set(collection, slot.id, { doc: slot.doc!, position: slot.position! });
    }
  }
}

/** A projection that writes its own idempotent documents: the runner only feeds and checkpoints it. */
class SelfWritingWorker implements ProjectionWorker {
  position: Position = START;
  builtWith: number | undefined;

  constructor(
    readonly projection: SelfWritingProjection,
    private readonly db: Db,
    readonly target: WorkerTarget,
  ) {}

  async start(): Promise<void> {
    const checkpoint = await loadCheckpoint(this.db, this.target.checkpointId);
    this.position = checkpoint?.position ?? START;
    this.builtWith = builtWithOf(checkpoint, this.projection);
    await this.projection.ensureIndexes();
  }

  invalidate(): void {}

  async applyBatch(events: readonly RecordedEvent[], next: Position): Promise<AppliedBatch> {
    const filter = this.projection.filter;
    const wanted = events.filter((e) =>
      !filter
        ? true
        : 'streamPrefix' in filter
          ? e.streamId.startsWith(filter.streamPrefix)
          : filter.eventTypes.includes(e.type),
    );
    if (wanted.length > 0) await this.projection.apply(wanted);
    const checkpoint: CheckpointToSave = {
      projection: this.projection.name,
      position: next,
      context: null,
      contextUnchanged: true,
      phase: this.target.phase,
      version: this.builtWith,
    };
    const commit = (): void => {
      if (next > this.position) this.position = next;
    };
    return { outcome: { applied: wanted.length, parked: 0 }, checkpoint, commit };
  }
}
