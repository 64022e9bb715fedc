/**
 * Documents of the statistics read model (S1): the counts of one scope and one day
 * (`statistics`), and per case the state its counts were taken from (`statistics_cases`).
 * Rates and averages are derived at query time from these sums; "overdue now" is counted at query
 * time from the open-deadline rosters.
 */
import type { CaseState } from '#domain/case/case-state.js';
import type { Position } from '../../event-store/event-store.port.js';
import { plainOrLegacyJson } from './json-field.js';

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
export type StoredStatisticsCaseDocument = Omit<StatisticsCaseDocument, 'state'> & {
  state?: CaseState;
  stateJson?: string;
};

/** Stored as built (the runner adds `_position`). */
export const encodeStatisticsCase = (
  doc: Omit<StatisticsCaseDocument, '_position'>,
): Omit<StoredStatisticsCaseDocument, '_position'> => doc;

export function decodeStatisticsCase(stored: StoredStatisticsCaseDocument): StatisticsCaseDocument {
  const { state, stateJson, ...rest } = stored;
  return { ...rest, state: plainOrLegacyJson(state, stateJson, 'state') };
}
