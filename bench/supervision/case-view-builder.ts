/**
 * Bench only (run.ts): the case views the tick reads, built without the projector's loop: the due
 * cases projected from their own events, the other open cases as minimal documents.
 */
import type { Db } from 'mongodb';
import { parseInstant } from '#domain/calendar/index.js';
import { formatPosition } from '#infra/event-store/position.js';
import { START, type EventStore, type Position } from '#infra/event-store/event-store.port.js';
import type { CaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import { writeGuarded, type GuardedWrite, type VersionedDocument } from '#infra/read-store/guarded-writes.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Built } from '../../apps/projector/src/projection/projection.js';
import { caseViewsProjection } from '../../apps/projector/src/projections/case-views/case-views.projection.js';

const DAY = 86_400_000;
// The end of the tick's office day: no open case without events is due in the tick.
const DAY_END = parseInstant('2026-03-10T17:30:00+08:00');

/**
 * The case_views projection's own `apply` over the due cases' events, and minimal case views for
 * the open cases that are not due (what the due-case query reads: `nextCheckAt`, `open`), written
 * through the collection's codec with the runner's guarded writes.
 */
export class CaseViewBuilder {
  private readonly docs = new Map<
    string,
    { doc: Built<CaseViewDocument>; position: Position; stored?: Position }
  >();
  private readonly dirty = new Set<string>();
  private context = caseViewsProjection.initialContext;
  private from: Position = START;
  private openCases = 0;

  /** The projection's own `apply` over the case events recorded since the last call. */
  async project(store: EventStore): Promise<number> {
    let applied = 0;
    for (;;) {
      const page = await store.readAll(this.from, { batchSize: 5000 });
      for (const event of page.events) {
        this.context = caseViewsProjection.reduceContext(this.context, event);
        const id = caseViewsProjection.unitOf(event);
        if (id === undefined) continue;
        const slot = this.docs.get(id);
        const step = caseViewsProjection.apply(slot?.doc, caseViewsProjection.decode(event), this.context);
        this.docs.set(id, { doc: step.unit, position: event.position, stored: slot?.stored });
        this.dirty.add(id);
        applied++;
      }
      this.from = page.nextPosition;
      if (page.caughtUp) return applied;
    }
  }

  /** Writes the projected documents changed since the last flush; returns how many. */
  async flush(db: Db): Promise<number> {
    const codec = caseViewsProjection.unitCodec!;
    const ids = [...this.dirty];
    const writes = ids.map((id) => {
      const slot = this.docs.get(id)!;
      const write: GuardedWrite = {
        document: { ...codec.encode(slot.doc), _position: slot.position },
        builtFrom: slot.stored,
      };
      return write;
    });
    await writeGuarded(db.collection<VersionedDocument>(READ_MODELS.caseViews), writes, { concurrency: 4 });
    for (const id of ids) this.docs.get(id)!.stored = this.docs.get(id)!.position;
    this.dirty.clear();
    return ids.length;
  }

  /**
   * Open cases without events (none is due in the tick): each one's nextCheckAt at the end of an
   * office day (17:30, where the assessment puts warnings and deadlines) in the next 60 days.
   */
  async addOpenCases(db: Db, from: number, to: number): Promise<void> {
    const views = db.collection<VersionedDocument>(READ_MODELS.caseViews);
    for (let start = from; start < to; start += 5000) {
      const batch: VersionedDocument[] = [];
      for (let i = start; i < Math.min(to, start + 5000); i++)
        batch.push({
          _id: `open-${i}`,
          _position: formatPosition(0n, BigInt(i + 1)),
          caseId: `open-${i}`,
          open: true,
          status: 'accepted',
          centerId: 'center-1',
          nextCheckAt: new Date(DAY_END + (1 + (i % 60)) * DAY),
        });
      await views.insertMany(batch, { ordered: false });
    }
    this.openCases += to - from;
  }

  get documents(): number {
    return this.docs.size + this.openCases;
  }
}
