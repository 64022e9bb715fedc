/**
 * The supervision loop against a real event store (PGlite), with the due-case query played by a
 * test double (support/in-memory-due-cases.ts): cards fall due as the manual clock moves (C1–C3),
 * are written once however often and by however many loops (C4), lost races wait for the next
 * tick, and a stale view costs nothing but a read.
 */
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import { CaseSupervisor } from '../../apps/projector/src/supervision/case-supervisor.js';
import { supervisionEventId } from '../../apps/projector/src/supervision/supervision-event-id.js';
import { SupervisionLoop } from '../../apps/projector/src/supervision/supervision-loop.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { startApi, type TestApi } from '../api/support/api-harness.js';
import { caseAt, expectOk, type Tokens } from '../api/support/case-fixtures.js';
import { InMemoryDueCases } from './support/in-memory-due-cases.js';
import { useTestApi } from '../api/support/test-api-stand.js';

const DAY = 24 * 3600_000;

describe('supervision loop (电子监察)', () => {
  let api: TestApi;
  let t: Tokens;
  let configuration: ConfigurationCache;
  let due: InMemoryDueCases;

  const loop = (options: ConstructorParameters<typeof SupervisionLoop>[1] = {}): SupervisionLoop =>
    new SupervisionLoop(
      { dueCases: due, supervisor: new CaseSupervisor(api.store, configuration), clock: api.clock },
      options,
    );
  const typesOf = async (caseId: string): Promise<string[]> =>
    (await api.store.readStream(`case-${caseId}`)).map((e) => e.type);
  const supervisionTypes = async (caseId: string): Promise<string[]> =>
    (await api.store.readStream(`case-${caseId}`))
      .filter((e) => e.actor.role === 'system')
      .map((e) => e.type);

  useTestApi(
    { open: () => startApi('pglite'), beforeClose: async () => configuration?.onApplicationShutdown() },
    (stand) => ({ api, t } = stand),
  );
  beforeAll(async () => {
    configuration = new ConfigurationCache(api.store, createApiLogger('silent'), 50);
    await configuration.start();
  });
  beforeEach(() => {
    due = new InMemoryDueCases(api.store, configuration);
  });

  it('C1–C3, C5: a case is warned, then carded yellow, then red, each once, with derived event ids', async () => {
    const id = await caseAt(api, t, 'accepted'); // 2026-03-02 09:00, 5 working days: due 03-09 17:30
    const supervision = loop();
    expect((await supervision.tick()).appended).toBe(0);

    api.clock.set(Date.parse('2026-03-06T17:29:00+08:00'));
    expect((await supervision.tick()).appended).toBe(0);
    api.clock.set(Date.parse('2026-03-06T17:31:00+08:00'));
    const warned = await supervision.tick();
    expect(warned).toMatchObject({ due: 1, supervised: 1, appended: 1, conflicts: 0, failed: 0 });
    expect(await supervisionTypes(id)).toEqual(['WarningIssued']);
    expect((await supervision.tick()).appended).toBe(0);

    api.clock.set(Date.parse('2026-03-09T17:31:00+08:00'));
    await supervision.tick();
    expect(await supervisionTypes(id)).toEqual(['WarningIssued', 'YellowCardIssued']);

    api.clock.set(Date.parse('2026-03-12T17:31:00+08:00'));
    await supervision.tick();
    await supervision.tick();
    const recorded = await api.store.readStream(`case-${id}`);
    const written = recorded.filter((e) => e.actor.role === 'system');
    expect(written.map((e) => e.type)).toEqual([
      'WarningIssued',
      'YellowCardIssued',
      'RedCardIssued',
      'StepOverdueFlagged',
    ]);
    expect(written.map((e) => (e.data as { cardId?: string }).cardId)).toEqual([
      'warning-202603091730',
      'yellow-202603091730',
      'red-202603091730',
      undefined,
    ]);
    for (const e of written)
      expect(e.eventId).toBe(supervisionEventId(id, { type: e.type, data: e.data } as CaseEvent));
    // The cards name the acceptance that set their deadline as their cause (T9).
    const accepted = recorded.find((e) => e.type === 'ApplicationAccepted')!;
    expect(written.slice(0, 3).map((e) => e.causationId)).toEqual([
      accepted.eventId,
      accepted.eventId,
      accepted.eventId,
    ]);
    expect(written[0]!.actor).toEqual({
      id: 'system:supervision',
      name: '电子监察系统',
      role: 'system',
      departmentId: null,
      windowId: null,
    });
  });

  it('C4: two loops ticking at once write exactly one event of each kind', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => caseAt(api, t, 'accepted')));
    api.clock.set(api.clock.now() + 21 * DAY); // 5 working days, then 3 more: red
    const [a, b] = [loop({ concurrency: 2 }), loop({ concurrency: 3 })];
    const reports = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);
    for (const id of ids) {
      const types = await supervisionTypes(id);
      expect(types.filter((x) => x === 'YellowCardIssued')).toHaveLength(1);
      expect(types.filter((x) => x === 'RedCardIssued')).toHaveLength(1);
      expect(types.filter((x) => x === 'WarningIssued')).toHaveLength(0); // the deadline had passed
      expect(new Set(types).size).toBe(types.length);
    }
  });

  it('a command between read and append makes a conflict that the next tick resolves', async () => {
    const id = await caseAt(api, t, 'accepted');
    const supervisor = new CaseSupervisor(api.store, configuration);
    const store = api.store;
    let interfered = false;
    const racing = new CaseSupervisor(
      {
        ...store,
        readStream: async (streamId: string) => {
          const events = await store.readStream(streamId);
          if (!interfered) {
            interfered = true;
            await expectOk(api, 'POST', `/cases/${id}/evaluations`, { score: 4 }, t.window);
          }
          return events;
        },
        append: store.append.bind(store),
      } as typeof store,
      configuration,
    );
    // Nothing is due for a case just accepted, so force a due item: a complaint long open (T10).
    await expectOk(
      api,
      'POST',
      `/cases/${id}/complaints`,
      { channel: 'phone', subject: { kind: 'case' }, content: '办理太慢' },
      t.guide,
    );
    api.clock.set(api.clock.now() + 10 * DAY);
    expect(await racing.check(id, api.clock.now(), 'c-1')).toEqual({ kind: 'conflict', caseId: id });
    const next = await supervisor.check(id, api.clock.now(), 'c-2');
    expect(next.kind).toBe('appended');
    expect(await typesOf(id)).toContain('StepOverdueFlagged');
  });

  it('a stale view costs a read and writes nothing; every due page is read', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => caseAt(api, t, 'accepted')));
    await loop().tick(); // whatever the earlier tests left due
    for (const id of ids) due.forcedDue.add(id);
    due.queries = 0;
    const report = await loop({ pageSize: 2 }).tick();
    expect(report.appended).toBe(0);
    expect(report.nothingDue).toBeGreaterThanOrEqual(5);
    expect(due.queries).toBeGreaterThanOrEqual(3);
  });
});
