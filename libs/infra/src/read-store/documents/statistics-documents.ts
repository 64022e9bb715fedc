/**
 * Documents of the statistics read model (S1): the counts of one scope and one day
 * (`statistics`), and per case the state its counts were taken from (`statistics_cases`), where a
 * complaint without a case (P1) keeps what it counts too.
 * Rates and averages are derived at query time from these sums; "overdue now" is counted at query
 * time from the open-deadline rosters.
 */
import type { CaseState } from '#domain/case/case-state.js';
import type { Position } from '../../event-store/event-store.port.js';
import { withPlainState, type StoredWithLegacyState } from './json-field.js';

export interface StatisticsCounters {
  received: number;
  accepted: number;
  rejected: number;
  completed: number;
  immediate: number;
  completedOnTime: number;
  /** Sum over the completed cases of their working days from clock start to completion. */
  workingDaysToComplete: number;
  complaints: number;
  substantiatedComplaints: number;
  evaluations: number;
  /** Evaluations scoring 4 or 5. */
  satisfied: number;
}

export const ZERO_COUNTERS: StatisticsCounters = {
  received: 0,
  accepted: 0,
  rejected: 0,
  completed: 0,
  immediate: 0,
  completedOnTime: 0,
  workingDaysToComplete: 0,
  complaints: 0,
  substantiatedComplaints: 0,
  evaluations: 0,
  satisfied: 0,
};

export const COUNTER_NAMES = Object.keys(ZERO_COUNTERS) as (keyof StatisticsCounters)[];

/** all: the whole center; department; window; pair: one window of one department. */
export type StatisticsScope = 'all' | 'department' | 'window' | 'pair';

export interface StatisticsDayDocument extends StatisticsCounters {
  _id: string;
  _position: Position;
  scope: StatisticsScope;
  /** null: every center (auditors); a center: that center's cases only (its supervisors, R1). */
  centerId?: string | null;
  departmentId: string | null;
  windowId: string | null;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  day: string;
}

export interface StatisticsCaseDocument {
  /** The case id. */
  _id: string;
  _position: Position;
  caseId: string;
  state: CaseState;
}

/** What a complaint without a case counts in S1: one complaint on the day it was received. */
export interface ComplaintCount {
  centerId: string;
  departmentId: string | null;
  windowId: string | null;
  /** `YYYY-MM-DD`, Asia/Shanghai: the day it was received. */
  day: string;
  substantiated: boolean;
}

/** A complaint without a case in `statistics_cases` (P1, S1). */
export interface StatisticsComplaintDocument {
  /** `complaint-<id>`: never a case id (the prefix). */
  _id: string;
  _position: Position;
  complaintId: string;
  /** null until its receipt is read. */
  counted: ComplaintCount | null;
}

/**
 * `_id` of a scope's day; `-` stands for a case without department or window. With a center, the
 * counts of that center's cases only (R1: a supervisor reads their own center's figures).
 */
export function statisticsDayId(
  scope: StatisticsScope,
  departmentId: string | null,
  windowId: string | null,
  day: string,
  centerId: string | null = null,
): string {
  return centerId === null
    ? unscopedDayId(scope, departmentId, windowId, day)
    : `center|${centerId}|${unscopedDayId(scope, departmentId, windowId, day)}`;
}

function unscopedDayId(
  scope: StatisticsScope,
  departmentId: string | null,
  windowId: string | null,
  day: string,
): string {
  const d = departmentId ?? '-';
  const w = windowId ?? '-';
  switch (scope) {
    case 'all':
      return `all|${day}`;
    case 'department':
      return `department|${d}|${day}`;
    case 'window':
      return `window|${w}|${day}`;
    case 'pair':
      return `pair|${d}|${w}|${day}`;
  }
}

/** As stored: the state as a plain subdocument; `stateJson` in a store built by statistics ≤ 2 (json-field.ts). */
export type StoredStatisticsCaseDocument = StoredWithLegacyState<StatisticsCaseDocument>;

/** Stored as built (the runner adds `_position`). */
export const encodeStatisticsCase = (
  doc: Omit<StatisticsCaseDocument, '_position'>,
): Omit<StoredStatisticsCaseDocument, '_position'> => doc;

export function decodeStatisticsCase(
  stored: Omit<StoredStatisticsCaseDocument, '_position'>,
): Omit<StatisticsCaseDocument, '_position'> {
  return withPlainState(stored);
}

/** A unit of `statistics_cases`: a case, or a complaint without a case. */
export type StatisticsUnitDocument = StatisticsCaseDocument | StatisticsComplaintDocument;
export type StoredStatisticsUnitDocument = StoredStatisticsCaseDocument | StatisticsComplaintDocument;

/** Either unit as a projection builds it (the runner adds `_position`). */
export type BuiltStatisticsUnit =
  Omit<StatisticsCaseDocument, '_position'> | Omit<StatisticsComplaintDocument, '_position'>;
export type BuiltStoredStatisticsUnit =
  Omit<StoredStatisticsCaseDocument, '_position'> | Omit<StatisticsComplaintDocument, '_position'>;

export function isComplaintUnit<T extends object>(unit: T): unit is Extract<T, { complaintId: string }> {
  return 'complaintId' in unit;
}

export const encodeStatisticsUnit = (doc: BuiltStatisticsUnit): BuiltStoredStatisticsUnit => doc;

export function decodeStatisticsUnit(stored: BuiltStoredStatisticsUnit): BuiltStatisticsUnit {
  return isComplaintUnit(stored) ? stored : decodeStatisticsCase(stored);
}
