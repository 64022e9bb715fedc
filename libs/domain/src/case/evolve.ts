import type { EpochMs } from '../calendar/calendar-types.js';
import { parseInstant } from '../calendar/index.js';
import type { CaseEvent, CaseEventOf, CaseEventType } from './case-events.js';
import type { CaseState } from './case-state.js';
import { CASE_STEP_EVOLVERS } from './steps/evolve-case-steps.js';
import { OVERSIGHT_EVOLVERS } from './steps/evolve-oversight.js';
import { STATUTORY_STEP_EVOLVERS } from './steps/evolve-statutory-steps.js';
import type { Evolvers } from './steps/step-tools.js';

/** One handler per event type (steps/evolve-*.ts); an event type without one does not compile. */
const EVOLVERS: Evolvers = { ...CASE_STEP_EVOLVERS, ...OVERSIGHT_EVOLVERS, ...STATUTORY_STEP_EVOLVERS };

/** The handler of an event's own type (the map's key and the event's type are the same T). */
const applyEvent = <T extends CaseEventType>(
  type: T,
  s: CaseState,
  event: CaseEventOf<T>,
  occurred: EpochMs,
): CaseState => {
  const handler: Evolvers[T] = EVOLVERS[type];
  return handler(s, event, occurred);
};

/** Applies one recorded fact to the state. Pure and total: events are facts, never refused here. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const occurred = parseInstant(event.occurredAt);
  const s: CaseState = {
    ...state,
    revision: state.revision + 1,
    lastOccurredAt: Math.max(state.lastOccurredAt ?? occurred, occurred),
  };
  return applyEvent(event.type, s, event, occurred);
}

/** Folds a case's events into its state (U4: any past state from events alone). */
export function foldCase(events: readonly CaseEvent[], from: CaseState): CaseState {
  return events.reduce(evolve, from);
}
