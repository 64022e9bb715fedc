/**
 * The documents of one pure projection's worker (projection-worker.ts): loaded from the cache,
 * else by `_id` with `$in` (the only reads, so a rebuild needs no other index), and written back
 * guarded by the position they were built from, the cache following every write.
 */
import type { Collection, Db } from 'mongodb';
import type { Position } from '#infra/event-store/event-store.port.js';
import {
  runLimited,
  updateGuarded,
  writeGuarded,
  type VersionedDocument,
} from '#infra/read-store/guarded-writes.js';
import type { DocumentCodec, ProjectedDocument, Projection } from '../projection/projection.js';
import { DocumentCache } from './document-cache.js';
import { emptySlot, type Slot } from './document-slot.js';
import type { WorkerOptions, WorkerTarget } from './projection-worker.js';
import { MergedDelta, writeMerged } from './shared-deltas.js';
import { unitWrites } from './unit-writes.js';
import { WrittenIds } from './written-ids.js';

/** Ids per `$in` read of a batch's documents. */
const LOAD_CHUNK = 200;

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class WorkerDocuments {
  private readonly cache: DocumentCache;
  /**
   * Set when the worker started from START on empty collections: ids it never wrote cannot exist,
   * so a rebuild does not look up every new case. Cleared on any failure.
   */
  private written: Map<string, WrittenIds> | undefined;

  constructor(
    private readonly projection: Projection,
    private readonly db: Db,
    private readonly target: WorkerTarget,
    private readonly options: WorkerOptions,
  ) {
    this.cache = new DocumentCache(options.cacheSize ?? 2000);
  }

  private collection(readModel: string): Collection<VersionedDocument> {
    return this.db.collection<VersionedDocument>(this.target.collectionName(readModel));
  }

  /** Unit documents go through the projection's codec; shared ones are written by deltas. */
  private codec(readModel: string): DocumentCodec<ProjectedDocument, ProjectedDocument> | undefined {
    return readModel === this.projection.unitCollection ? this.projection.unitCodec : undefined;
  }

  /** Forgets cached documents and written ids: after a failed write or a lost lease they may be stale. */
  forget(): void {
    this.cache.clear();
    this.written = undefined;
  }

  /** Starts remembering the ids written when every collection is empty (a start from START). */
  async trackWrittenIfEmpty(): Promise<void> {
    const counts = await Promise.all(
      this.projection.collections.map((c) => this.collection(c.name).estimatedDocumentCount()),
    );
    if (counts.every((n) => n === 0))
      this.written = new Map(this.projection.collections.map((c) => [c.name, new WrittenIds()]));
  }

  /** The documents with these ids, from the cache, else from the store (absent ones as undefined). */
  async load(collection: string, ids: readonly string[], positionsOnly = false): Promise<Map<string, Slot>> {
    const slots = new Map<string, Slot>();
    const missing: string[] = [];
    const written = this.written?.get(collection);
    const codec = this.codec(collection);
    for (const id of ids) {
      if (slots.has(id)) continue;
      const cached = this.cache.get(collection, id);
      const slot = emptySlot(collection, id);
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

  async writeShared(collection: string, merged: Map<string, MergedDelta>): Promise<void> {
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

  async write(collection: string, slots: Map<string, Slot>): Promise<void> {
    const dirty = [...slots.values()].filter((s) => s.dirty && s.doc !== undefined);
    if (dirty.length === 0) return;
    const codec = this.codec(collection);
    const encode = (doc: ProjectedDocument): ProjectedDocument => (codec ? codec.encode(doc) : doc);
    const { updates, writes, encoded } = unitWrites(dirty, encode);
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
