/**
 * The projector on realistic cases (PGlite, FerretDB), the read models across cases: accountability
 * checked against the domain's own functions over the recorded events (detectViolations,
 * windowLedger), the statistics' day counts against serviceStatistics.
 */
import { detectViolations, type RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import { quarterOf, windowLedger } from '#domain/accountability/window-ledger.js';
import type { CaseState } from '#domain/case/case-state.js';
import { serviceStatistics } from '#domain/statistics/service-statistics.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { canonicalJson } from '#infra/integrity/canonical-json.js';
import {
  decodeAccountabilityCase,
  violationOf,
  type StoredAccountabilityCaseDocument,
  type ViolationDocument,
} from '#infra/read-store/documents/accountability-documents.js';
import {
  COUNTER_NAMES,
  type StatisticsDayDocument,
} from '#infra/read-store/documents/statistics-documents.js';
import type { ConfigurationEnvironment } from '#infra/read-store/projection-configuration.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import { useProjectedRealisticCases } from './support/projected-realistic-cases.js';

const byId = (a: { violationId: string }, b: { violationId: string }): number =>
  a.violationId < b.violationId ? -1 : a.violationId > b.violationId ? 1 : 0;

describe('the projector on realistic cases (PGlite, FerretDB)', () => {
  let read: ReadStore;
  let cases: Map<string, RecordedEvent[]>;
  let states: Map<string, CaseState>;
  let environment: () => ConfigurationEnvironment;

  useProjectedRealisticCases((p) => ({ read, cases, states, environment } = p));

  it('accountability: each case’s violations are detectViolations of its events; one document per violation, from which each window’s quarter gives the ledger (A1, A2)', async () => {
    const all = new Map<string, ReturnType<typeof detectViolations>>();
    for (const [id, es] of cases) all.set(id, detectViolations(es.map(toCaseEvent) as RecordedCaseEvent[]));
    const docs = await read.db
      .collection<StoredAccountabilityCaseDocument>(READ_MODELS.accountabilityCases)
      .find({})
      .toArray();
    for (const stored of docs)
      expect(canonicalJson(decodeAccountabilityCase(stored).violations)).toBe(
        canonicalJson(all.get(stored._id)),
      );
    const violations = [...all.values()].flat();
    expect(new Set(violations.map((v) => v.code)).size).toBeGreaterThanOrEqual(5);
    const stored = await read.db
      .collection<ViolationDocument>(READ_MODELS.accountabilityViolations)
      .find({})
      .toArray();
    const counted = stored.filter((d) => d.counted);
    // Every violation proven, once, as detected; a withdrawn one (C4) is proven no more.
    expect(canonicalJson(counted.map(violationOf).sort(byId))).toBe(
      canonicalJson([...violations].sort(byId)),
    );
    const proven = new Set(violations.map((v) => v.violationId));
    for (const d of stored.filter((x) => !x.counted)) expect(proven.has(d._id)).toBe(false);
    // R1: each names its case's center, as its first event does.
    for (const d of counted) expect(d.centerId).toBe(states.get(d.caseId)?.centerId ?? null);
    const quarters = new Set(
      violations.filter((v) => v.windowId).map((v) => `${v.windowId}|${quarterOf(v.detectedAt)}`),
    );
    expect(quarters.size).toBeGreaterThan(0);
    for (const key of quarters) {
      const [windowId, quarter] = key.split('|') as [string, string];
      const found = await read.db
        .collection<ViolationDocument>(READ_MODELS.accountabilityViolations)
        .find({ windowId, quarter, counted: true })
        .toArray();
      expect(canonicalJson(windowLedger(found.map(violationOf), windowId, quarter))).toBe(
        canonicalJson(windowLedger(violations, windowId, quarter)),
      );
    }
  });

  it('statistics: the day counts add up to serviceStatistics over the cases, by department and in all (S1)', async () => {
    const days = await read.db.collection<StatisticsDayDocument>(READ_MODELS.statistics).find({}).toArray();
    const env = environment();
    const everything = [...states.values()];
    // `center`: the days of one center's cases (R1: a supervisor reads its own); null: every center.
    const sum = (scope: string, departmentId?: string, center: string | null = null) => {
      const total = Object.fromEntries(COUNTER_NAMES.map((k) => [k, 0])) as Record<string, number>;
      for (const d of days)
        if (
          d.scope === scope &&
          (d.centerId ?? null) === center &&
          (departmentId === undefined || d.departmentId === departmentId)
        )
          for (const k of COUNTER_NAMES) total[k]! += d[k];
      return total;
    };
    const figures = (subset: CaseState[]) => {
      const byCenter = ['center-1', 'center-2'].map((c) =>
        serviceStatistics(
          subset.filter((s) => s.centerId === c),
          env.officeClock(c),
          0,
          4e12,
          4e12,
        ),
      );
      const s = serviceStatistics(subset, env.officeClock('center-1'), 0, 4e12, 4e12);
      return {
        received: s.received,
        accepted: s.accepted,
        rejected: s.rejected,
        completed: s.completed,
        immediate: s.immediate,
        completedOnTime: s.completedOnTime,
        complaints: s.complaints,
        substantiatedComplaints: s.substantiatedComplaints,
        evaluations: s.evaluations,
        satisfied: Math.round((s.satisfactionRate ?? 0) * s.evaluations),
        workingDays: byCenter.reduce((n, c) => n + (c.averageWorkingDaysToComplete ?? 0) * c.completed, 0),
      };
    };
    const check = (total: Record<string, number>, subset: CaseState[]) => {
      const { workingDays, ...counts } = figures(subset);
      expect(Object.fromEntries(Object.keys(counts).map((k) => [k, total[k]]))).toEqual(counts);
      expect(total.workingDaysToComplete).toBeCloseTo(workingDays, 6);
    };
    check(sum('all'), everything);
    expect(sum('all').received).toBeGreaterThan(500);
    for (const center of ['center-1', 'center-2'])
      check(
        sum('all', undefined, center),
        everything.filter((s) => s.centerId === center),
      );
    for (const dept of ['dept-01', 'dept-07', 'dept-20'])
      check(
        sum('department', dept),
        everything.filter((s) => s.departmentId === dept),
      );
    const pairTotal = sum('pair');
    const windowTotal = sum('window');
    for (const k of COUNTER_NAMES) {
      expect(pairTotal[k]).toBeCloseTo(sum('all')[k]!, 6);
      expect(windowTotal[k]).toBeCloseTo(sum('all')[k]!, 6);
    }
  });
});
