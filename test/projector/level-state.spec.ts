/**
 * The lists (GET /cases, /views/overdue) read only the part of a case view's state that the level
 * and the time left are assessed from (case-view-document.ts LEVEL_STATE_PROJECTION, levelStateOf).
 * On realistic cases (suspensions, extensions, cards, revocations, complaints, ratings, closings)
 * at instants from their last event to weeks later, that part gives the same level, time left and
 * stopped clock as the whole state; and a case not yet received has one of the statuses the
 * worklist reads the cases not yet received among (case-state.ts STATUSES_BEFORE_RECEIPT).
 */
import type { CaseEvent } from '#domain/case/case-events.js';
import {
  clockStopped,
  initialState,
  STATUSES_BEFORE_RECEIPT,
  type CaseState,
} from '#domain/case/case-state.js';
import { foldCase } from '#domain/case/evolve.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import { caseLevel } from '#domain/timeliness/case-level.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { START, type RecordedEvent } from '#infra/event-store/event-store.port.js';
import { LEVEL_STATE_PROJECTION, levelStateOf } from '#infra/read-store/documents/case-view-document.js';
import {
  environmentOf,
  INITIAL_CONFIGURATION,
  reduceConfiguration,
} from '#infra/read-store/projection-configuration.js';
import { appendPlanned } from '../../bench/projector/append-planned.js';
import { realisticCaseAppends } from '../../bench/projector/realistic-cases.js';
import { pgliteEventStore, type TestEventStore } from './support/test-event-store.js';

const DAY = 86_400_000;

describe('what the lists read of a case view: the level’s part of the state; the statuses before receipt', () => {
  let events: TestEventStore;
  let recorded: RecordedEvent[];

  beforeAll(async () => {
    events = await pgliteEventStore();
    await appendPlanned(events.store, events.clock, realisticCaseAppends({ cases: 400, seed: 19 }));
    recorded = [];
    let from = START;
    for (;;) {
      const page = await events.store.readAll(from, { batchSize: 5000 });
      recorded.push(...page.events);
      from = page.nextPosition;
      if (page.caughtUp) break;
    }
  }, 120_000);
  afterAll(() => events?.close());

  it('projects state fields and the legacy stateJson only', () => {
    const keys = Object.keys(LEVEL_STATE_PROJECTION);
    expect(keys).toContain('stateJson');
    expect(keys.filter((k) => k !== 'stateJson').every((k) => k.startsWith('state.'))).toBe(true);
  });

  it('gives the whole state’s level, time left and stopped clock, from the last event to weeks later', () => {
    const env = environmentOf(recorded.reduce(reduceConfiguration, INITIAL_CONFIGURATION));
    const byCase = new Map<string, RecordedEvent[]>();
    for (const e of recorded)
      if (e.streamId.startsWith('case-')) byCase.set(e.streamId, [...(byCase.get(e.streamId) ?? []), e]);
    expect(byCase.size).toBeGreaterThan(300);
    const levels = new Set<string>();
    let suspended = 0;
    let notReceived = 0;
    const receivedStatuses = new Set<string>();
    for (const es of byCase.values()) {
      const whole: CaseState = foldCase(es.map(toCaseEvent) as CaseEvent[], initialState);
      // As the read store returns it: the projected fields, through JSON (no undefined values).
      const stored: CaseState = JSON.parse(JSON.stringify(whole));
      const part = levelStateOf({ state: stored });
      if (whole.suspensions.length > 0) suspended++;
      // The worklist reads the cases not yet received among these statuses only (worklistReads).
      if (whole.receivedAt === undefined) {
        notReceived++;
        expect(STATUSES_BEFORE_RECEIPT).toContain(whole.status);
      } else receivedStatuses.add(whole.status);
      const last = Date.parse(es[es.length - 1]!.recordedAt);
      for (const at of [last, last + DAY, last + 4 * DAY, last + 12 * DAY, last + 40 * DAY]) {
        const clock = env.officeClock(whole.centerId);
        const a = assessTimeliness(whole, env.policy, clock, at);
        const b = assessTimeliness(part, env.policy, clock, at);
        expect([b.level, b.remainingMinutes]).toEqual([a.level, a.remainingMinutes]);
        expect(caseLevel(part, env.policy, clock, at)).toEqual(caseLevel(whole, env.policy, clock, at));
        expect(clockStopped(part)).toBe(clockStopped(whole));
        levels.add(a.level);
      }
    }
    // The cases reach every level, and some were suspended: the comparison covers what it claims.
    expect([...levels].sort()).toEqual(['normal', 'red', 'warning', 'yellow']);
    expect(suspended).toBeGreaterThan(0);
    expect(notReceived).toBeGreaterThan(0);
    expect(receivedStatuses.size).toBeGreaterThan(3);
  });
});
