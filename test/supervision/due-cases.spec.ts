/**
 * Supervision's due cases on the real read store (FerretDB), from the case_views projection run by
 * the projector's runner over real events (PGlite): `ReadStoreDueCases.dueAt` is a keyset range
 * over case_views' `nextCheckAt` (issue 19): a case is due once its `nextCheckAt` has passed, moves
 * when it changes and leaves when the case closes (C1–C4, T10); pages come in (nextCheckAt, caseId)
 * order, and a replayed event changes nothing.
 */
import { pino } from 'pino';
import { SUPERVISION_ACTOR } from '#domain/actor/actor.js';
import { parseInstant } from '#domain/calendar/index.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState, type CaseState } from '#domain/case/case-state.js';
import { foldCase } from '#domain/case/evolve.js';
import { acceptanceCommands, decideInTurn } from '#domain/testing/case-history.js';
import { promisedMatter as MATTER, windowClerk as clerk } from '#domain/testing/fixtures.js';
import type { StoredCaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import { environmentOf, INITIAL_CONFIGURATION } from '#infra/read-store/projection-configuration.js';
import { CHECKPOINTS_COLLECTION, READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { newEventOf } from '#infra/command-handling/handle-command.js';
import { CASE_VIEWS_PROJECTION } from '../../apps/projector/src/projections/case-views/case-views.projection.js';
import { startProjector } from '../../apps/projector/src/start-projector.js';
import type { DueCase } from '../../apps/projector/src/supervision/due-cases.port.js';
import { ReadStoreDueCases } from '../../apps/projector/src/supervision/read-store-due-cases.js';
import { readModelHashes } from '../projector/support/read-model-hashes.js';
import { pgliteEventStore, type TestEventStore } from '../projector/support/test-event-store.js';
import { startTestReadServer, type TestReadServer } from '../projector/support/test-ferretdb.js';

const quiet = pino({ level: 'silent' });
const at = parseInstant;
const env = environmentOf(INITIAL_CONFIGURATION);

const accept = (caseId: string): CaseCommand[] => acceptanceCommands(caseId, '张三', clerk);
const superviseCheck: CaseCommand = { type: 'RunSupervisionCheck', actor: SUPERVISION_ACTOR };
// A denial closes the case with its decision (T12, N6); an approval would stay due until delivered.
const complete: CaseCommand = {
  type: 'CompleteCase',
  actor: clerk,
  outcome: 'denied',
  decisionNo: 'JD-1',
  reasons: ['不符合法定条件'],
  remediesNotice: '如不服本决定，可申请行政复议或提起行政诉讼。',
};

describe('supervision’s due cases: a range over case_views.nextCheckAt (FerretDB, the case_views projection)', () => {
  let events: TestEventStore;
  let server: TestReadServer;

  beforeAll(async () => {
    server = await startTestReadServer();
  });
  // A store per test: its clock (the recording time) only moves forward.
  beforeEach(async () => {
    events = await pgliteEventStore();
  });
  afterEach(() => events?.close());
  afterAll(() => server?.close());

  /** Decides `commands` on the case as recorded, at `now`, and appends what the domain returns. */
  async function record(caseId: string, commands: readonly CaseCommand[], now: number): Promise<void> {
    events.clock.set(now);
    const recorded = await events.store.readStream(`case-${caseId}`);
    const state: CaseState = foldCase(recorded.map(toCaseEvent) as CaseEvent[], initialState);
    const { events: decided } = decideInTurn(commands, state, {
      now,
      clock: env.officeClock('center-1'),
      policy: env.policy,
      matter: MATTER,
    });
    expect(decided.length).toBeGreaterThan(0);
    await events.store.append(
      `case-${caseId}`,
      decided.map((e) =>
        newEventOf(e, { eventId: crypto.randomUUID(), causationId: null }, `test-${caseId}`),
      ),
      recorded.length === 0 ? 'no_stream' : recorded.length - 1,
    );
  }

  /** Runs the case_views projection until it has every event recorded so far. */
  async function project(read: ReadStore, batchSize?: number): Promise<void> {
    const projector = startProjector(events.store, read.db, {
      only: [CASE_VIEWS_PROJECTION],
      leaseRetryMs: 20,
      idlePollMs: 10,
      logger: quiet,
      ...(batchSize !== undefined && { batchSize }),
    });
    await projector.whenCaughtUp();
    await projector.stop();
  }

  async function nextCheckAt(read: ReadStore, caseId: string): Promise<number | null> {
    const view = await read.db
      .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
      .findOne({ _id: caseId });
    return view!.nextCheckAt?.getTime() ?? null;
  }

  it('a case is due from its nextCheckAt on, moves when it changes, leaves when the case closes (C1, C4)', async () => {
    const read = await server.database('due_buckets_move');
    const due = new ReadStoreDueCases(read.db);
    await record('c-1', accept('c-1'), at('2026-03-02T09:00:00+08:00'));
    await project(read);
    const first = (await nextCheckAt(read, 'c-1'))!;
    expect(first).toBeGreaterThan(at('2026-03-02T09:00:00+08:00'));
    expect(await due.dueAt(first - 1, 10)).toEqual([]);
    expect(await due.dueAt(first, 10)).toEqual([{ caseId: 'c-1', nextCheckAt: first }]);

    // Supervision issues what is due at that instant (C1): the next check is later.
    await record('c-1', [superviseCheck], first);
    await project(read);
    const second = (await nextCheckAt(read, 'c-1'))!;
    expect(second).toBeGreaterThan(first);
    expect(await due.dueAt(first, 10)).toEqual([]);
    expect(await due.dueAt(second - 1, 10)).toEqual([]);
    expect(await due.dueAt(second, 10)).toEqual([{ caseId: 'c-1', nextCheckAt: second }]);

    await record('c-1', [complete], second - 60_000);
    await project(read);
    expect(await nextCheckAt(read, 'c-1')).toBeNull();
    expect(await due.dueAt(second + 365 * 86_400_000, 10)).toEqual([]);
  });

  it('dueAt: keyset pages in (nextCheckAt, caseId) order, only what has passed; a replay changes nothing', async () => {
    const read = await server.database('due_buckets_pages');
    // Accepted on different days; three of them on the same
    // day, whose checks fall at the same instant, the end of an office day (ordered by case id).
    const accepted: [string, string][] = [
      ['p-e', '2026-03-02T09:00:00+08:00'],
      ['p-b', '2026-03-02T09:00:00+08:00'],
      ['p-a', '2026-03-02T14:30:00+08:00'],
      ['p-d', '2026-03-03T10:00:00+08:00'],
      ['p-c', '2026-03-04T11:15:00+08:00'],
      ['p-f', '2026-03-05T16:00:00+08:00'],
      ['p-g', '2026-03-06T09:30:00+08:00'],
    ];
    for (const [id, when] of accepted) await record(id, accept(id), at(when));
    await record('p-closed', [...accept('p-closed'), complete], at('2026-03-06T10:00:00+08:00'));
    await project(read, 3);
    const views = new Map<string, number>();
    for (const [id] of accepted) views.set(id, (await nextCheckAt(read, id))!);
    expect(await nextCheckAt(read, 'p-closed')).toBeNull();
    expect(new Set(views.values()).size).toBeGreaterThanOrEqual(5);

    const expected = (now: number): DueCase[] =>
      [...views]
        .filter(([, t]) => t <= now)
        .map(([caseId, nextCheckAt]) => ({ caseId, nextCheckAt }))
        .sort((a, b) => a.nextCheckAt - b.nextCheckAt || (a.caseId < b.caseId ? -1 : 1));
    const pages = async (due: ReadStoreDueCases, now: number, size: number): Promise<DueCase[][]> => {
      const out: DueCase[][] = [];
      let after: DueCase | undefined;
      for (;;) {
        const page = await due.dueAt(now, size, after);
        out.push([...page]);
        if (page.length < size) return out;
        after = page[page.length - 1];
      }
    };
    const times = [...new Set(views.values())].sort((a, b) => a - b);
    const due = new ReadStoreDueCases(read.db);
    // Before, at and just before every nextCheckAt, and long after: cases not yet due stay out.
    for (const now of [times[0]! - 1, ...times, ...times.map((t) => t - 1), times.at(-1)! + 86_400_000]) {
      expect(await due.dueAt(now, 100)).toEqual(expected(now));
      for (const size of [1, 2, 3]) {
        const paged = await pages(due, now, size);
        expect(paged.flat()).toEqual(expected(now));
        expect(paged.slice(0, -1).every((p) => p.length === size)).toBe(true);
      }
    }
    expect(expected(times.at(-1)!).map((d) => d.caseId)).toEqual(expect.arrayContaining(['p-b', 'p-e']));
    const all = expected(times.at(-1)!).map((d) => d.caseId);
    expect(all.indexOf('p-b') + 1).toBe(all.indexOf('p-e')); // the tie, by case id

    // From the first event again over the same documents: every case view stays as it was.
    const before = (await readModelHashes(read.db))[READ_MODELS.caseViews]!;
    expect(before.size).toBeGreaterThan(5);
    await read.db.collection(CHECKPOINTS_COLLECTION).deleteMany({});
    await project(read, 2);
    expect((await readModelHashes(read.db))[READ_MODELS.caseViews]).toEqual(before);
    expect(await due.dueAt(times.at(-1)!, 100)).toEqual(expected(times.at(-1)!));
  });
});
