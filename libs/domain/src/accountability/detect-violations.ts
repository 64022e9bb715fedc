import {
  detectionStep,
  initialDetectionState,
  violationsOf,
  type RecordedCaseEvent,
} from './detection-step.js';
import type { Violation } from './violation.js';

export type { RecordedCaseEvent } from './detection-step.js';

/**
 * A1: every violation a case's events prove, each with the staff member, window, department and the
 * ids of the proving events. Pure: the same events always give the same violations and ids. The fold
 * of `detectionStep` (detection-step.ts), which a projection applies one event at a time instead.
 */
export function detectViolations(events: readonly RecordedCaseEvent[]): Violation[] {
  return violationsOf(events.reduce(detectionStep, initialDetectionState));
}
