/**
 * What every step of `decide` is given once the shared preamble (exists, authorize, occurredAt)
 * has run, and the small refusals steps share. A step is `(command, state, tools) → Decision`.
 */
import type { EpochMs } from '../../calendar/calendar-types.js';
import { toShanghaiIso, tryParseInstant, withinInputRange } from '../../calendar/index.js';
import { ALSO_TITLED } from '../../errors/also-titled.js';
import { refuse, type AlsoTitle, type DomainError } from '../../errors/domain-error.js';
import type { CaseCommand } from '../case-commands.js';
import type { CaseEvent, CaseEventOf, CaseEventType, DeadlineFacts } from '../case-events.js';
import type { CaseState } from '../case-state.js';
import { FUTURE_TOLERANCE_MS, type DecisionContext } from '../decision-context.js';

export type Decision = readonly CaseEvent[] | DomainError;

/** The command of one type. */
export type CommandOf<K extends CaseCommand['type']> = Extract<CaseCommand, { type: K }>;

/** One step of `decide`: the command of its type, the state, and what the preamble resolved. */
export type Step<K extends CaseCommand['type']> = (
  command: CommandOf<K>,
  state: CaseState,
  tools: StepTools,
) => Decision;

/** Every command's step: a command type without one does not compile. */
export type Steps = { readonly [K in CaseCommand['type']]: Step<K> };

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
  refuse('ILLEGAL_TRANSITION', `A case in state '${state.status}' does not allow ${step}.`);

export const invalid = (field: string, detail: string): DomainError =>
  refuse('VALIDATION_FAILED', detail, field);

/** An id is registered once: a second complaint or action with it is refused, under its own title. */
export const alreadyExists = (what: string, id: string, title: AlsoTitle): DomainError =>
  refuse('CASE_ALREADY_EXISTS', `${what} ${id} already exists.`, undefined, title);

/** T14: an instant outside 2000–2099 is refused as input, so every stored time can be read back. */
export const outOfBounds = (field: string): DomainError =>
  refuse('T14_OUT_OF_BOUNDS', `${field} must lie between 2000-01-01 and 2099-12-31 (T14).`, field);

/** The deadline facts an event carries: the instant and the calendar and policy it was computed with (N5, T9). */
export function deadlineFacts(
  deadline: EpochMs,
  provisional: boolean,
  context: DecisionContext,
): DeadlineFacts {
  return {
    deadline: toShanghaiIso(deadline),
    calendarVersion: context.clock.calendar.version,
    policyVersion: context.policy.version,
    provisional,
  };
}

/** The instant a command's text names, or undefined when it is none (not text, no offset: U2). */
export function safeInstant(iso: unknown): EpochMs | undefined {
  return typeof iso === 'string' ? tryParseInstant(iso) : undefined;
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
    return refuse(
      'U2_OCCURRED_IN_FUTURE',
      `${field} lies in the future.`,
      field,
      ALSO_TITLED.notifiedInFuture,
    );
  if (state.receivedAt !== undefined && t < state.receivedAt)
    return refuse(
      'T6_NOTIFIED_BEFORE_RECEIPT',
      `The applicant cannot have been told before the application was received at ${toShanghaiIso(state.receivedAt)}.`,
      field,
    );
  return t;
}

/** One handler of `evolve`: the state (with the new revision), the event of its type, its business time. */
export type Evolver<T extends CaseEventType> = (
  s: CaseState,
  event: CaseEventOf<T>,
  occurred: EpochMs,
) => CaseState;

/** Every event type's handler: an event type without one does not compile. */
export type Evolvers = { readonly [T in CaseEventType]: Evolver<T> };
