/**
 * What GET /views/evaluations and GET /views/rankings read (P7, S1, A2): the reader's scope, a
 * period, and the `case_evaluations` documents of the cases that count in it, read through the
 * period indexes (CASE_EVALUATION_INDEXES): those decided in it, and those whose latest rating is
 * not before its start (every case with a rating in the period is among them; a case rated only
 * after the period is read and counts nothing, as the domain's `evaluationRates` filters by time).
 */
import type { Db, Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { parseInstant } from '#domain/calendar/index.js';
import type { EvaluatedCase } from '#domain/statistics/evaluation-rates.js';
import {
  CASE_EVALUATIONS,
  type CaseEvaluationsDocument,
} from '#infra/read-store/documents/case-evaluations-document.js';
import { ProblemException } from '../../problem/problem-details.js';
import { invalidParameter, viewProblems } from '../view-problems.js';
import { scopedFilters, type ScopeFilters } from '../view-scope.js';

/** Supervisors read their center's, auditors all (R1); a supervisor's token without a center, nothing. */
export function evaluationScope(
  actor: Actor,
  asked: ScopeFilters,
  reading: 'evaluations' | 'rankings',
): ScopeFilters {
  const scope = scopedFilters(actor, asked, reading);
  if (actor.role === 'supervisor' && scope.centerId === undefined)
    throw new ProblemException(viewProblems.outOfScope('Your token names no center to read.'));
  return scope;
}

/** `2026-11` or `2026Q4` → [from, to) and its quarter (A2: a ledger is a window's quarter). */
export function periodOf(value: unknown): { from: number; to: number; quarter: string } {
  const text = typeof value === 'string' ? value : '';
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  const quarter = /^(\d{4})Q([1-4])$/.exec(text);
  if (!month && !quarter) throw invalidParameter('period', 'must be a month 2026-11 or a quarter 2026Q4');
  const year = Number((month ?? quarter)![1]);
  const first = month ? Number(month[2]) : (Number(quarter![2]) - 1) * 3 + 1;
  const months = month ? 1 : 3;
  const at = (y: number, m: number): number =>
    parseInstant(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`);
  const endMonth = first + months;
  return {
    from: at(year, first),
    to: endMonth > 12 ? at(year + 1, endMonth - 12) : at(year, endMonth),
    quarter: `${year}Q${Math.ceil(first / 3)}`,
  };
}

/** The documents of the cases in `scope` decided in [from, to) or rated since `from`. */
export async function casesOfPeriod(
  db: Db,
  scope: ScopeFilters,
  from: number,
  to: number,
): Promise<CaseEvaluationsDocument[]> {
  const scoped: Filter<CaseEvaluationsDocument> = {
    ...(scope.centerId !== undefined && { centerId: scope.centerId }),
    ...(scope.departmentId !== undefined && { departmentId: scope.departmentId }),
    ...(scope.windowId !== undefined && { windowId: scope.windowId }),
  };
  const collection = db.collection<CaseEvaluationsDocument>(CASE_EVALUATIONS);
  const [decided, rated] = await Promise.all([
    collection.find({ ...scoped, completedAt: { $gte: from, $lt: to } }).toArray(),
    collection.find({ ...scoped, lastRatedAt: { $gte: from } }).toArray(),
  ]);
  const byId = new Map(decided.map((d) => [d._id, d]));
  for (const d of rated) byId.set(d._id, d);
  return [...byId.values()];
}

/** A document as the domain's `evaluationRates` reads it. */
export function evaluated(d: CaseEvaluationsDocument): EvaluatedCase {
  return {
    ...(d.completedAt !== null && { completedAt: d.completedAt }),
    evaluations: d.evaluations,
  };
}
