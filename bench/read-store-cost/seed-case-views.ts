/**
 * Bench only (read-store-cost/run.ts): open case views written straight into `case_views`, for the
 * sizes the projector cannot reach in a bench run on this machine (50,000 and 1,000,000 open cases).
 * Each document is what the projector writes, built by the same code: the domain decides the three
 * commands of an accepted case (`decide`, `evolve`), the events are wrapped as recorded events (a
 * position below every real one, so a later event would still pass the write guard), folded by the
 * case_views projection's own `apply` and encoded by its collection's codec. Only the appending to
 * the event store and the projector's loop are skipped: these cases have no stream, so the bench
 * keeps them out of the supervision ticks (their `nextCheckAt` comes after the real cases').
 * Cases accepted at the same instant (the callers give minutes) differ only in their id, so the
 * domain and the projection build the first one, and the others are that document with its case
 * id replaced (in its extended JSON, so dates stay dates): a million cases in minutes, not hours.
 */
import { BSON, type Db } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState } from '#domain/case/case-state.js';
import { decide } from '#domain/case/decide.js';
import { evolve } from '#domain/case/evolve.js';
import type { Matter } from '#domain/catalog/matter.js';
import type { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { recordedActor } from '#infra/command-handling/handle-command.js';
import { formatPosition } from '#infra/event-store/position.js';
import { START, type EventStore, type RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { VersionedDocument } from '#infra/read-store/guarded-writes.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { caseViewsProjection } from '../../apps/projector/src/projections/case-views/case-views.projection.js';
import { accept } from './bench-cases.js';

export interface SeedOptions {
  readonly clerk: Actor;
  readonly matter: Matter;
  readonly centerId: string;
  /** When the i-th seeded case is accepted (epoch ms). */
  readonly acceptedAt: (i: number) => number;
  /** Register the inquiry only (no application: not yet received, `receivedAt` null). */
  readonly inquiriesOnly?: boolean;
}

/** The projection's context as the projector has it: reduced over every recorded event. */
export async function projectionContext(
  store: EventStore,
): Promise<typeof caseViewsProjection.initialContext> {
  let context = caseViewsProjection.initialContext;
  let from = START;
  for (;;) {
    const page = await store.readAll(from, { batchSize: 5000 });
    for (const event of page.events) context = caseViewsProjection.reduceContext(context, event);
    from = page.nextPosition;
    if (page.caughtUp) return context;
  }
}

/**
 * Writes the case views of seeded cases `from` … `to - 1` (ids `seed-<i>`), accepted or only
 * registered (inquiriesOnly); returns the largest document's JSON size.
 */
export async function seedCaseViews(
  db: Db,
  configuration: ConfigurationCache,
  context: typeof caseViewsProjection.initialContext,
  from: number,
  to: number,
  options: SeedOptions,
): Promise<number> {
  const codec = caseViewsProjection.unitCodec!;
  const views = db.collection<VersionedDocument>(READ_MODELS.caseViews);
  const actor = options.clerk;
  let largest = 0;
  const templates = new Map<number, { caseId: string; json: string }>();
  for (let start = from; start < to; start += 2000) {
    const batch: VersionedDocument[] = [];
    for (let i = start; i < Math.min(to, start + 2000); i++) {
      const caseId = `seed-${String(i).padStart(7, '0')}`;
      const now = options.acceptedAt(i);
      const template = templates.get(now);
      if (template) {
        batch.push(
          BSON.EJSON.parse(template.json.replaceAll(template.caseId, caseId), {
            relaxed: false,
          }) as VersionedDocument,
        );
        continue;
      }
      const all = accept(caseId, options.centerId);
      const commands = options.inquiriesOnly ? all.filter((c) => c.type === 'RegisterInquiry') : all;
      const decideContext = {
        now,
        clock: configuration.officeClock(options.centerId),
        policy: configuration.policy(),
        matter: options.matter,
      };
      let state = initialState;
      let unit: ReturnType<typeof caseViewsProjection.apply>['unit'] | undefined;
      let position = formatPosition(0n, 0n);
      let revision = 0;
      for (const command of commands) {
        const out = decide(command, state, decideContext);
        if (!Array.isArray(out)) throw new Error(JSON.stringify(out));
        for (const e of out as readonly CaseEvent[]) {
          state = evolve(state, e);
          // Below every real position (major 0, the store's start at 1): never ahead of a real event.
          position = formatPosition(0n, BigInt(i * 8 + revision + 1));
          const recorded: RecordedEvent = {
            eventId: `${caseId}-${revision}`,
            type: e.type,
            schemaVersion: e.schemaVersion,
            streamId: `case-${caseId}`,
            revision,
            position,
            occurredAt: toShanghaiIso(now),
            recordedAt: toShanghaiIso(now),
            actor: recordedActor(actor),
            correlationId: `bench-${caseId}`,
            causationId: null,
            data: e.data,
            integrity: { alg: 'sha256', prevHash: '', hash: '' },
          };
          unit = caseViewsProjection.apply(unit, caseViewsProjection.decode(recorded), context).unit;
          revision++;
        }
      }
      // The runner adds `_position` to what the codec stores.
      const stored: VersionedDocument = { ...codec.encode(unit!), _position: position };
      largest = Math.max(largest, JSON.stringify(stored).length);
      templates.set(now, { caseId, json: BSON.EJSON.stringify(stored, { relaxed: false }) });
      batch.push(stored);
    }
    await views.insertMany(batch, { ordered: false });
  }
  return largest;
}
