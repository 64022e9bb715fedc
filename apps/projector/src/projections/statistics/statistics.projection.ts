/**
 * The statistics projection (DESIGN.md "Read models", S1): counts per department, window, both and
 * all, per day (`statistics`), kept from each case's folded state (`statistics_cases`): an event
 * adds the difference it makes to the case's contributions (case-contributions.ts). A complaint
 * without a case (`complaint-<id>`, P1) counts in the complaints of its window and department as a
 * case's complaint does (complaint-contributions.ts).
 */
import { initialState, type CaseState } from '#domain/case/case-state.js';
import {
  COUNTER_NAMES,
  decodeStatisticsUnit,
  encodeStatisticsUnit,
  isComplaintUnit,
  statisticsDayId,
  ZERO_COUNTERS,
  type BuiltStatisticsUnit,
  type BuiltStoredStatisticsUnit,
  type StatisticsCaseDocument,
  type StatisticsDayDocument,
  type StatisticsScope,
} from '#infra/read-store/documents/statistics-documents.js';
import { complaintUnitId } from '#infra/case-stream/complaint-stream.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Built, Projection, SharedDelta } from '../../projection/projection.js';
import { evolveCase } from '../case-stream/recorded-case-event.js';
import { CASE_OR_COMPLAINT_ROUTING, type CaseOrComplaintInput } from '../case-stream/case-or-complaint.js';
import {
  environmentOf,
  INITIAL_CONFIGURATION,
  reduceConfiguration,
  type ConfigurationContext,
} from '#infra/read-store/projection-configuration.js';
import { caseContributions, contributionDelta, type DayContribution } from './case-contributions.js';
import { complaintContributions, countComplaint } from '../complaints/complaint-contributions.js';

export const STATISTICS_PROJECTION = 'statistics';

const SCOPES: readonly StatisticsScope[] = ['all', 'department', 'window', 'pair'];

export const statisticsProjection: Projection<
  ConfigurationContext,
  BuiltStatisticsUnit,
  BuiltStoredStatisticsUnit,
  CaseOrComplaintInput
> = {
  name: STATISTICS_PROJECTION,
  // 2: every count also per center (R1: supervisors read their own center's figures). 3 (issue 19):
  // the state a plain subdocument (no `stateJson`); day counts kept with `$inc`. 4: complaints
  // without a case count (P1, S1).
  version: 4,
  unitCollection: READ_MODELS.statisticsCases,
  unitCodec: { encode: encodeStatisticsUnit, decode: decodeStatisticsUnit },
  collections: [
    { name: READ_MODELS.statisticsCases, indexes: [] },
    { name: READ_MODELS.statistics, indexes: [{ key: { scope: 1, departmentId: 1, windowId: 1, day: 1 } }] },
  ],
  initialContext: INITIAL_CONFIGURATION,
  reduceContext: reduceConfiguration,
  // A case stream's event, or a complaint stream's (P1).
  ...CASE_OR_COMPLAINT_ROUTING,

  apply(unit, input, context) {
    if (input.stream === 'complaint') {
      const before = unit !== undefined && isComplaintUnit(unit) ? unit.counted : null;
      const counted = countComplaint(before, input.recorded);
      const delta = contributionDelta(complaintContributions(before), complaintContributions(counted));
      return {
        unit: { _id: complaintUnitId(input.complaintId), complaintId: input.complaintId, counted },
        shared: delta.flatMap(dayChanges),
      };
    }
    const { caseId, event } = input;
    const before: CaseState = unit !== undefined && !isComplaintUnit(unit) ? unit.state : initialState;
    const after = evolveCase(before, event);
    const clock = environmentOf(context).officeClock(after.centerId);
    const delta = contributionDelta(caseContributions(before, clock), caseContributions(after, clock));
    const next: Built<StatisticsCaseDocument> = { _id: caseId, caseId, state: after };
    return {
      unit: next,
      shared: delta.flatMap(dayChanges),
    };
  },
};

/**
 * A day's difference in every scope, over every center and over its own center. The eight deltas
 * share one `$inc` naming only the counters that moved (the runner adds nothing for a zero).
 */
function dayChanges(d: DayContribution): SharedDelta[] {
  const inc: Record<string, number> = {};
  for (const k of COUNTER_NAMES) if (d.counters[k] !== 0) inc[k] = d.counters[k];
  const out: SharedDelta[] = [];
  for (const scope of SCOPES) {
    out.push(dayChange(scope, d, null, inc));
    if (d.centerId !== null) out.push(dayChange(scope, d, d.centerId, inc));
  }
  return out;
}

/**
 * The day document of `scope` over every center (`centerId` null) or over one center's cases: the
 * event's difference added to its counters (`$inc`, once: projection.ts, runner/shared-deltas.ts).
 */
function dayChange(
  scope: StatisticsScope,
  delta: DayContribution,
  centerId: string | null,
  inc: Readonly<Record<string, number>>,
): SharedDelta {
  const departmentId = scope === 'department' || scope === 'pair' ? delta.departmentId : null;
  const windowId = scope === 'window' || scope === 'pair' ? delta.windowId : null;
  const initial: Omit<StatisticsDayDocument, '_id' | '_position'> = {
    scope,
    centerId,
    departmentId,
    windowId,
    day: delta.day,
    ...ZERO_COUNTERS,
  };
  return {
    collection: READ_MODELS.statistics,
    id: statisticsDayId(scope, departmentId, windowId, delta.day, centerId),
    initial,
    inc,
  };
}
