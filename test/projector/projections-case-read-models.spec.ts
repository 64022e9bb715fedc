/**
 * The projector on realistic cases (PGlite, FerretDB), the read models of each case: case_views
 * checked against the domain's own functions over the recorded events (fold, assessTimeliness),
 * supervision's due cases against the views, case_timelines and cards against the events.
 */
import { clockStopped, isClosed, type CaseState } from '#domain/case/case-state.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import { ManualClock } from '#infra/clock/clock.js';
import type { EventStore, RecordedEvent } from '#infra/event-store/event-store.port.js';
import { canonicalJson } from '#infra/integrity/canonical-json.js';
import type { CardDocument } from '#infra/read-store/documents/card-document.js';
import {
  eventOfTimelineEntry,
  type CaseTimelineDocument,
} from '#infra/read-store/documents/case-timeline-document.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import {
  decodeCaseView,
  RUNNING_DEADLINE_VERSION,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import type { ConfigurationEnvironment } from '#infra/read-store/projection-configuration.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import { OpenCaseViews } from '../../apps/api/src/views/overdue/open-case-views.js';
import { ReadModelPositions } from '../../apps/api/src/views/read-model-positions.js';
import type { DueCase } from '../../apps/projector/src/supervision/due-cases.port.js';
import { ReadStoreDueCases } from '../../apps/projector/src/supervision/read-store-due-cases.js';
import { useProjectedRealisticCases } from './support/projected-realistic-cases.js';

describe('the projector on realistic cases (PGlite, FerretDB)', () => {
  let read: ReadStore;
  let recorded: RecordedEvent[];
  let cases: Map<string, RecordedEvent[]>;
  let states: Map<string, CaseState>;
  let environment: () => ConfigurationEnvironment;
  let store: EventStore;

  useProjectedRealisticCases((p) => {
    ({ read, recorded, cases, states, environment } = p);
    store = p.events.store;
  });

  it('case_views: one per case, its state the fold of its events, level and nextCheckAt assessed as of its last event', async () => {
    const docs = await read.db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews).find({}).toArray();
    expect(docs).toHaveLength(cases.size);
    const env = environment();
    const levels = new Set<string>();
    for (const stored of docs) {
      const doc = decodeCaseView(stored);
      const es = cases.get(doc.caseId)!;
      const state = states.get(doc.caseId)!;
      const last = es[es.length - 1]!;
      expect(canonicalJson(doc.state)).toBe(canonicalJson(state));
      expect(doc._position).toBe(last.position);
      expect(doc.revision).toBe(last.revision);
      expect(doc.status).toBe(state.status);
      expect(doc.deadlineAt?.getTime() ?? null).toBe(state.deadline ?? null);
      expect(doc.open).toBe(state.status !== 'none' && !isClosed(state));
      expect(doc.clockRunning).toBe(doc.open && !clockStopped(state));
      expect(doc.runningDeadlineAt?.getTime() ?? null).toBe(
        doc.clockRunning ? (state.deadline ?? null) : null,
      );
      expect(doc.receiptNo).toBe(state.acceptance?.receiptNo ?? null);
      expect(doc.receivedAt?.getTime() ?? null).toBe(state.receivedAt ?? null);
      expect(doc.handledBy).toEqual([
        ...new Set(es.filter((e) => e.actor.role !== 'system').map((e) => e.actor.id)),
      ]);
      const assessment = assessTimeliness(
        state,
        env.policy,
        env.officeClock(state.centerId),
        Date.parse(last.recordedAt),
      );
      expect(doc.level).toBe(assessment.level);
      levels.add(doc.level);
      const dueNow =
        assessment.dueCards.length > 0 ||
        assessment.overdueSteps.some((s) => !s.raised) ||
        assessment.referralFollowUpDue !== undefined;
      expect(doc.nextCheckAt?.getTime() ?? null).toBe(
        dueNow ? Date.parse(last.recordedAt) : (assessment.nextCheckAt ?? null),
      );
    }
    expect([...levels].sort()).toEqual(expect.arrayContaining(['normal', 'yellow']));
  });

  it('case_views: no document holds more than one case; the open-case query fields are plain and indexed (issue 19)', async () => {
    const collections = (await read.db.listCollections().toArray()).map((c) => c.name);
    expect(collections).not.toContain('case_open_deadlines');
    expect(collections).not.toContain('case_due_buckets');
    const indexes = (await read.db.collection(READ_MODELS.caseViews).indexes()).map((i) => i.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'running_center_deadline',
        'running_department_deadline',
        'next_check',
        'receipt_no',
      ]),
    );
    const open = await read.db
      .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
      .find({ open: true, deadlineAt: { $ne: null } })
      .toArray();
    const expected = [...states].filter(
      ([, s]) => s.deadline !== undefined && s.status !== 'none' && !isClosed(s),
    );
    expect(open.length).toBeGreaterThan(10);
    expect(open.map((v) => v._id).sort()).toEqual(expected.map(([id]) => id).sort());
  });

  it('the overdue view’s candidates: cases whose clock runs, past their deadline, by runningDeadlineAt; a store before case-views 6 by deadlineAt, open and clockRunning, before 5 a decided one too (T12)', async () => {
    const views = read.db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews);
    const checkpoints = checkpointsOf(read.db);
    const before = Math.max(...[...states.values()].map((s) => s.deadline ?? 0)) + 1;
    // A new ReadModelPositions each time: the served version is read afresh, not 250 ms stale.
    const candidates = async (): Promise<string[]> => {
      const open = new OpenCaseViews(
        new ReadModelPositions({ db: read.db, store, clock: new ManualClock() }),
      );
      const ids: string[] = [];
      for await (const c of open.passedDeadlines({ filter: {}, before })) ids.push(c.caseId);
      return ids.sort();
    };
    const withDeadline = [...states].filter(
      ([, s]) => s.deadline !== undefined && s.status !== 'none' && !isClosed(s),
    );
    const running = withDeadline.filter(([, s]) => !clockStopped(s)).map(([id]) => id);
    const decided = withDeadline.filter(([, s]) => clockStopped(s)).map(([id]) => id);
    expect(running.length).toBeGreaterThan(10);
    expect(decided.length).toBeGreaterThan(10);
    const served = (await checkpoints.findOne({ _id: 'case-views' }))?.version;
    expect(served).toBeGreaterThanOrEqual(RUNNING_DEADLINE_VERSION);
    expect(await candidates()).toEqual([...running].sort());
    const [first] = running;
    const firstDeadline = new Date(states.get(first!)!.deadline!);
    try {
      // At case-views 6 the field decides: a running case without it is not read.
      await views.updateOne({ _id: first! }, { $unset: { runningDeadlineAt: '' } });
      expect(await candidates()).toEqual(running.slice(1).sort());
      // A store still serving case-views 5 (an upgrade's rebuild not yet swapped in): by deadlineAt.
      await checkpoints.updateOne({ _id: 'case-views' }, { $set: { version: 5 } });
      expect(await candidates()).toEqual([...running].sort());
      // Case-views 4 had no clockRunning: read, and the view assesses the case itself.
      await views.updateMany({ _id: { $in: [decided[0]!, first!] } }, { $unset: { clockRunning: '' } });
      expect(await candidates()).toEqual([...running, decided[0]!].sort());
    } finally {
      await checkpoints.updateOne({ _id: 'case-views' }, { $set: { version: served! } });
      await views.updateOne(
        { _id: first! },
        { $set: { runningDeadlineAt: firstDeadline, clockRunning: true } },
      );
      await views.updateOne({ _id: decided[0]! }, { $set: { clockRunning: false } });
    }
    expect(await candidates()).toEqual([...running].sort());
  });

  it('supervision’s due cases: dueAt pages through case_views by (nextCheckAt, caseId), exactly the cases due', async () => {
    const views = (
      await read.db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews).find({}).toArray()
    ).filter((v) => v.nextCheckAt !== null);
    expect(views.length).toBeGreaterThan(10);
    const ordered = views
      .map((v) => ({ caseId: v._id, nextCheckAt: v.nextCheckAt!.getTime() }))
      .sort((a, b) => a.nextCheckAt - b.nextCheckAt || (a.caseId < b.caseId ? -1 : 1));
    const due = new ReadStoreDueCases(read.db);
    for (const now of [
      ordered[0]!.nextCheckAt,
      ordered[Math.floor(ordered.length / 2)]!.nextCheckAt - 1,
      4e12,
    ]) {
      const expected = ordered.filter((d) => d.nextCheckAt <= now);
      const paged: DueCase[] = [];
      let after: DueCase | undefined;
      for (;;) {
        const page = await due.dueAt(now, 50, after);
        paged.push(...page);
        if (page.length < 50) break;
        after = page[page.length - 1];
      }
      expect(paged).toEqual(expected);
    }
  });

  it('case_timelines: one document per event, as recorded, unique on {caseId, revision}', async () => {
    const docs = await read.db
      .collection<CaseTimelineDocument>(READ_MODELS.caseTimelines)
      .find({})
      .sort({ _id: 1 })
      .toArray();
    expect(docs).toHaveLength([...cases.values()].reduce((n, es) => n + es.length, 0));
    const byCase = new Map<string, RecordedEvent[]>();
    for (const doc of docs)
      byCase.set(doc.caseId, [...(byCase.get(doc.caseId) ?? []), eventOfTimelineEntry(doc)]);
    for (const [caseId, es] of cases) expect(canonicalJson(byCase.get(caseId))).toBe(canonicalJson(es));
    const unique = (await read.db.collection(READ_MODELS.caseTimelines).indexes()).find(
      (i) => i.name === 'case_revision',
    );
    expect(unique).toMatchObject({ key: { caseId: 1, revision: 1 }, unique: true });
  });

  it('cards: one per card issued, explained and revoked as recorded (C1–C5)', async () => {
    const issued = recorded.filter((e) =>
      ['WarningIssued', 'YellowCardIssued', 'RedCardIssued'].includes(e.type),
    );
    const explained = new Set(
      recorded
        .filter((e) => e.type === 'ExplanationSubmitted')
        .map((e) => `${e.streamId.slice(5)}:${(e.data as { cardId: string }).cardId}`),
    );
    const docs = await read.db.collection<CardDocument>(READ_MODELS.cards).find({}).toArray();
    expect(issued.length).toBeGreaterThan(20);
    expect(docs.map((d) => d._id).sort()).toEqual(
      issued.map((e) => `${e.streamId.slice(5)}:${(e.data as { cardId: string }).cardId}`).sort(),
    );
    expect(explained.size).toBeGreaterThan(0);
    for (const d of docs) expect(d.explained).toBe(explained.has(d._id));
  });
});
