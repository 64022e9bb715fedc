/**
 * The older helpers of the case specs, now over the test kit (libs/domain/src/testing): specs not
 * yet written as `given(…).at(…).when(…).then(…)` keep these names.
 */
import type { Matter } from '../../catalog/matter.js';
import { aCase, anAcceptedCase, decideAt, recorded, type SpecContext } from '../../testing/case-history.js';
import { promisedMatter } from '../../testing/fixtures.js';
import type { CaseCommand } from '../case-commands.js';
import type { CaseEvent } from '../case-events.js';

export * from '../../testing/fixtures.js';
export { stateOf, type SpecContext } from '../../testing/case-history.js';

/** Decides `command` against the state the given events build, at `now`. */
export const when = decideAt;

/** The events of a successful decision; fails the test with the refusal otherwise. */
export const events = recorded;

/** Runs commands one after the other at the given times, each on the state the previous built. */
export function history(steps: readonly [CaseCommand, SpecContext][]): CaseEvent[] {
  return steps.reduce((h, [command, ctx]) => h.step(command, ctx), aCase()).events();
}

/** A case accepted at `acceptedAt` (ISO) for `matter`, its application received at the same instant. */
export const acceptedCase = (
  acceptedAt: string,
  matter: Matter = promisedMatter,
  caseId = 'case-1',
): CaseEvent[] => anAcceptedCase(acceptedAt, matter, caseId).events();
