/**
 * What every step of `decide` is given once the shared preamble (exists, authorize, occurredAt)
 * has run, and the small refusals steps share. A step is `(command, state, tools) → Decision`.
 */
import type { EpochMs } from '../../calendar/calendar-types.js';
import { parseInstant, toShanghaiIso, withinInputRange } from '../../calendar/index.js';
import { domainError, type DomainError, type DomainErrorCode } from '../../errors/domain-error.js';
import type { CaseEvent, CaseEventOf, CaseEventType } from '../case-events.js';
import type { CaseState } from '../case-state.js';
import { FUTURE_TOLERANCE_MS, type DecisionContext } from '../decision-context.js';

export type Decision = readonly CaseEvent[] | DomainError;

export interface StepTools {
  /** The step's business time (U2). */
  readonly when: EpochMs;
  readonly context: DecisionContext;
  /** An event of this command: its actor, business time, late-entry reason and schema version. */
  readonly event: <T extends CaseEventType>(type: T, data: CaseEventOf<T>['data']) => CaseEvent;
  /** Close of office N working days after `from` (default the step's time) (T4, T11). */
  readonly workingDaysLater: (days: number, from?: EpochMs) => EpochMs;
}

/** Versions of event shapes the deciders write now; every other type is at 1 (upcast.ts). */
export const CURRENT_SCHEMA_VERSION: Partial<Record<CaseEventType, number>> = { CaseCompleted: 2 };

export const blank = (s: string | undefined): boolean => typeof s !== 'string' || s.trim() === '';

export const illegal = (state: CaseState, step: string): DomainError =>
  domainError(
    'ILLEGAL_TRANSITION',
    'conflict',
    '当前办件状态不允许该操作',
    `A case in state '${state.status}' does not allow ${step}.`,
  );

export const rule = (code: DomainErrorCode, title: string, detail: string, field?: string): DomainError =>
  domainError(code, 'rule', title, detail, field);

export const invalid = (field: string, detail: string): DomainError =>
  domainError('VALIDATION_FAILED', 'invalid', '请求参数不合法', detail, field);

/** T14: an instant outside 2000–2099 is refused as input, so every stored time can be read back. */
export const outOfBounds = (field: string): DomainError =>
  rule(
    'T14_OUT_OF_BOUNDS',
    '超出允许范围（T14）',
    `${field} must lie between 2000-01-01 and 2099-12-31 (T14).`,
    field,
  );

export function safeInstant(iso: unknown): EpochMs | undefined {
  if (typeof iso !== 'string') return undefined;
  try {
    const t = parseInstant(iso);
    return Number.isFinite(t) ? t : undefined;
  } catch {
    return undefined;
  }
}

/** T6, T7, P6: when the applicant was told or contacted: a real instant, after receipt, not in the future. */
export function notifiedAt(
  iso: string,
  state: CaseState,
  now: EpochMs,
  field = 'applicantNotifiedAt',
): EpochMs | DomainError {
  const t = safeInstant(iso);
  if (t === undefined) return invalid(field, `${field} is not an ISO-8601 instant with offset.`);
  if (!withinInputRange(t)) return outOfBounds(field);
  if (t > now + FUTURE_TOLERANCE_MS)
    return rule('U2_OCCURRED_IN_FUTURE', '告知时间不能晚于当前时间', `${field} lies in the future.`, field);
  if (state.receivedAt !== undefined && t < state.receivedAt)
    return rule(
      'T6_NOTIFIED_BEFORE_RECEIPT',
      '告知时间早于收件时间',
      `The applicant cannot have been told before the application was received at ${toShanghaiIso(state.receivedAt)}.`,
      field,
    );
  return t;
}
