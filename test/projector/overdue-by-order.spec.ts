/**
 * Issue 19: GET /views/overdue?sort=-overdueBy is a keyset read per office clock
 * (apps/api/src/views/overdue/overdue-by-order.ts), no longer a sort of every overdue case in scope.
 * It must answer exactly what the old whole-scope sort answered: the same items in the same order,
 * the same page boundaries and cursors. The oracle below is that old algorithm, kept here: every
 * open case view with a passed deadline in scope, assessed (assessOverdue), sorted by
 * (-overdueBy, deadline, case id), paged.
 *
 * Realistic cases of two centers with different office hours (the township's), with extensions,
 * suspensions and resumptions (bench/projector/realistic-cases.ts), plus cases suspended after their
 * deadline (their overdueBy frozen, T6: what the deadline order alone cannot place) and some of
 * them resumed (their deadline moved later by the office time suspended), at several instants,
 * paged at several sizes as supervisors of each center, a window clerk, and an auditor over both
 * centers (a merge of the two clocks' reads), with level and deadline filters.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '#domain/actor/actor.js';
import type { CaseState } from '#domain/case/case-state.js';
import { decide } from '#domain/case/decide.js';
import { newEventOf } from '#infra/command-handling/handle-command.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  decodeCaseView,
  levelStateOf,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import {
  environmentOf,
  INITIAL_CONFIGURATION,
  reduceConfiguration,
  type ConfigurationEnvironment,
} from '#infra/read-store/projection-configuration.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { assessOverdue, type OverdueCase } from '../../apps/api/src/views/overdue/overdue-cases.js';
import { realisticCaseAppends } from '../../bench/projector/realistic-cases.js';
import { tokenFor } from '../api/support/api-harness.js';
import { startViewsApi, type ViewPage, type ViewsApi } from './support/views-api.js';
import { useTestApi } from '../api/support/test-api-stand.js';
import { allEvents } from '../support/all-events.js';

const DAY = 86_400_000;
type Item = { caseId: string; overdueBy: number; level: string; deadline: string; status: string };
type Page = ViewPage<Item>;

interface Reader {
  readonly name: string;
  readonly token: string;
  /** The reader's scope, as the oracle applies it to the documents. */
  readonly sees: (doc: StoredCaseViewDocument) => boolean;
  readonly query: string;
}

describe('GET /views/overdue?sort=-overdueBy: the keyset read answers what the whole-scope sort did', () => {
  let api: ViewsApi;
  let readers: Reader[];
  let suspendedAfterDeadline = 0;

  const recorded = (): Promise<RecordedEvent[]> => allEvents(api.store);

  // Read once: after beforeAll only case events are appended (suspensions, resumptions), never a
  // configuration event, so the office clocks and policy the oracle judges with do not change.
  let configured: ConfigurationEnvironment | undefined;
  async function environment(): Promise<ConfigurationEnvironment> {
    configured ??= environmentOf((await recorded()).reduce(reduceConfiguration, INITIAL_CONFIGURATION));
    return configured;
  }

  /** The old algorithm: every candidate in scope assessed, sorted, then cut into pages. */
  async function oracle(
    reader: Reader,
    now: number,
    level?: 'yellow' | 'red',
    before?: number,
    after?: number,
  ) {
    const env = await environment();
    const docs = await api.db
      .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
      .find({ open: true })
      .toArray();
    const items: OverdueCase[] = [];
    for (const doc of docs) {
      if (!reader.sees(doc) || doc.deadlineAt === null) continue;
      const deadlineAt = doc.deadlineAt.getTime();
      if (!(deadlineAt < Math.min(now, before ?? now)) || (after !== undefined && !(deadlineAt > after)))
        continue;
      const item = assessOverdue({ ...doc, deadlineAt, state: levelStateOf(doc) }, level, env, now);
      if (item) items.push(item);
    }
    const key = (i: OverdueCase): [number, number, string] => [
      -i.overdueBy,
      i.entry.deadlineAt,
      i.entry.caseId,
    ];
    items.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let k = 0; k < 3; k++) if (x[k] !== y[k]) return x[k]! < y[k]! ? -1 : 1;
      return 0;
    });
    return { items, key };
  }

  async function pages(reader: Reader, query: string, limit: number): Promise<Page[]> {
    const out: Page[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/views/overdue?sort=-overdueBy&limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const res: { status: number; body: Page } = await api.request<Page>('GET', path, undefined, {
        token: reader.token,
      });
      if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
      out.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor !== null && out.length < 2000);
    return out;
  }

  /** Pages of the view equal the oracle's, item by item, boundary by boundary, cursor by cursor. */
  async function expectSame(
    reader: Reader,
    limit: number,
    filters: { level?: 'yellow' | 'red'; before?: number; after?: number } = {},
  ): Promise<number> {
    const now = api.clock.now();
    const { items, key } = await oracle(reader, now, filters.level, filters.before, filters.after);
    const iso = (t: number): string => encodeURIComponent(new Date(t).toISOString());
    const query =
      reader.query +
      (filters.level ? `&level=${filters.level}` : '') +
      (filters.before !== undefined ? `&deadlineBefore=${iso(filters.before)}` : '') +
      (filters.after !== undefined ? `&deadlineAfter=${iso(filters.after)}` : '');
    const got = await pages(reader, query, limit);
    const expected: { ids: [string, number, string][]; cursor: string | null }[] = [];
    for (let i = 0; i === 0 || i < items.length; i += limit) {
      const chunk = items.slice(i, i + limit);
      const more = items.length > i + limit;
      expected.push({
        ids: chunk.map((c) => [c.entry.caseId, c.overdueBy, c.level]),
        cursor: more
          ? Buffer.from(JSON.stringify(key(chunk[chunk.length - 1]!))).toString('base64url')
          : null,
      });
    }
    expect(
      got.map((p) => ({ ids: p.items.map((i) => [i.caseId, i.overdueBy, i.level]), cursor: p.nextCursor })),
    ).toEqual(expected);
    return items.length;
  }

  useTestApi(
    { open: () => startViewsApi({ start: '2025-03-01T08:00:00+08:00' }), configure: null },
    (stand) => ({ api } = stand),
  );
  beforeAll(async () => {
    for (const append of realisticCaseAppends({ cases: 600, seed: 23, casesPerDay: 120 })) {
      if (append.recordedAt > api.clock.now()) api.clock.set(append.recordedAt);
      await api.store.append(append.streamId, append.events, append.expectedRevision);
    }
    await api.viewsCaughtUp();
    const supervisor = (centerId: string): Promise<string> =>
      tokenFor('supervisor', { sub: `u-super-${centerId}`, centerId, departmentId: 'dept-office' });
    readers = [
      {
        name: 'supervisor center-1',
        token: await supervisor('center-1'),
        sees: (d) => d.centerId === 'center-1',
        query: '',
      },
      {
        name: 'supervisor center-2',
        token: await supervisor('center-2'),
        sees: (d) => d.centerId === 'center-2',
        query: '',
      },
      { name: 'auditor', token: await tokenFor('auditor'), sees: () => true, query: '' },
      {
        name: 'auditor, center-2',
        token: await tokenFor('auditor'),
        sees: (d) => d.centerId === 'center-2',
        query: '&centerId=center-2',
      },
      {
        name: 'window dept-02',
        token: await tokenFor('window', {
          sub: 'u-dept-02-w1',
          centerId: 'center-1',
          departmentId: 'dept-02',
          windowId: 'win-dept-02-1',
        }),
        sees: (d) => d.centerId === 'center-1' && d.departmentId === 'dept-02',
        query: '',
      },
    ];
  }, 300_000);

  /**
   * Decides a command on the case a view shows, as the window clerk of its department, at the
   * clock's instant, and records its events.
   */
  async function actOn(
    doc: StoredCaseViewDocument,
    commandOf: (actor: Actor, state: CaseState) => Parameters<typeof decide>[0],
  ): Promise<void> {
    const env = await environment();
    const now = api.clock.now();
    const state: CaseState = decodeCaseView(doc).state;
    const actor: Actor = {
      id: `u-${doc.departmentId}-w1`,
      name: '窗口',
      role: 'window',
      ...(doc.centerId && { centerId: doc.centerId }),
      ...(doc.departmentId && { departmentId: doc.departmentId }),
      ...(doc.windowId && { windowId: doc.windowId }),
    };
    const command = commandOf(actor, state);
    const decided = decide(command, state, { now, clock: env.officeClock(doc.centerId), policy: env.policy });
    if (!Array.isArray(decided)) throw new Error(`${command.type} refused: ${JSON.stringify(decided)}`);
    await api.store.append(
      `case-${doc.caseId}`,
      decided.map((e) => newEventOf(e, { eventId: randomUUID(), causationId: null }, randomUUID())),
      state.revision,
    );
  }

  /** Suspends (T6) open accepted cases whose deadline has passed, of both centers: frozen overdueBy. */
  async function suspendOverdue(count: number): Promise<string[]> {
    const now = api.clock.now();
    const docs = await api.db
      .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
      .find({ open: true, status: 'accepted', deadlineAt: { $lt: new Date(now - 3_600_000) } })
      .toArray();
    const chosen = docs.filter((_, i) => i % 2 === 0).slice(0, count);
    for (const doc of chosen)
      await actOn(doc, (actor) => ({
        type: 'SuspendCase',
        actor,
        suspensionType: 'inspection',
        expectedDays: 5,
        reason: '需组织现场核查',
        applicantNotifiedAt: new Date(now).toISOString(),
      }));
    await api.viewsCaughtUp();
    return chosen.map((d) => d.caseId);
  }

  async function resume(caseIds: readonly string[]): Promise<void> {
    for (const caseId of caseIds) {
      const doc = (await api.db
        .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
        .findOne({ _id: caseId }))!;
      await actOn(doc, (actor, state) => ({
        type: 'ResumeCase',
        actor,
        suspensionNo: state.suspensions.length,
      }));
    }
    await api.viewsCaughtUp();
  }

  it('pages the same at several instants, sizes, scopes and filters', async () => {
    const end = api.clock.now();
    const counts: Record<string, number> = {};
    // 'auditor, center-2' reads exactly what 'supervisor center-2' reads (the same filter, one
    // clock): it is paged at the last instant only, where it checks the asked centerId is applied.
    const check = async (label: string, sizes: readonly number[], all = false): Promise<void> => {
      for (const reader of readers.filter((r) => all || r.name !== 'auditor, center-2'))
        for (const limit of sizes)
          counts[`${label} ${reader.name} ${limit}`] = await expectSame(reader, limit);
    };
    await check('end', [7, 500]);
    api.clock.set(end + 2 * DAY + 3 * 3_600_000);
    await check('+2d', [13]);
    api.clock.set(end + 5 * DAY + 5 * 3_600_000);
    const suspended = await suspendOverdue(30);
    suspendedAfterDeadline = suspended.length;
    await check('+5d', [1, 50]);
    api.clock.set(end + 9 * DAY + 2 * 3_600_000);
    await resume(suspended.slice(0, 8));
    await check('+9d', [9]);
    api.clock.set(end + 16 * DAY + 9 * 3_600_000 + 17 * 60_000);
    await check('+16d', [29, 500], true);
    // Filters: a level, a deadline window (its ends cut through the merge's starts).
    const auditor = readers[2]!;
    const now = api.clock.now();
    for (const limit of [4, 31]) {
      counts[`red ${limit}`] = await expectSame(auditor, limit, { level: 'red' });
      counts[`yellow ${limit}`] = await expectSame(auditor, limit, { level: 'yellow' });
      counts[`window ${limit}`] = await expectSame(auditor, limit, {
        after: end - 2 * DAY,
        before: now - 6 * DAY,
      });
    }
    // What the comparison covers: both centers, many overdue, frozen (suspended) ones among them.
    console.log(JSON.stringify(counts));
    expect(suspendedAfterDeadline).toBeGreaterThan(10);
    expect(counts['+16d auditor 29']).toBeGreaterThan(100);
    expect(counts['+16d supervisor center-2 29']).toBeGreaterThan(5);
    expect(counts['+5d window dept-02 50']).toBeGreaterThan(0);
    expect(counts['red 31']).toBeGreaterThan(5);
    expect(counts['yellow 31']).toBeGreaterThan(0);
    expect(counts['window 31']).toBeGreaterThan(0);
    const frozen = (await pages(auditor, '', 500))
      .flatMap((p) => p.items)
      .filter((i) => i.status === 'suspended');
    expect(frozen.length).toBeGreaterThan(3);
  }, 900_000);
});
