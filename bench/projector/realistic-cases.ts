/**
 * Realistic cases for the projector's tests and bench: a county center and a township sub-center,
 * 20 departments with 3 windows and 5 matters each; cases arrive through office hours, are
 * answered, referred, applied for, sent supplement notices (some late), rejected, accepted,
 * suspended, extended, completed (some late), withdrawn, complained about and evaluated; the
 * supervision check runs whenever a case's next check falls due, so warnings, cards, step flags and
 * explanations appear as they would. Every step is decided by the domain (decide), so every event
 * is one the system could have recorded; steps are yielded in recording-time order across cases.
 *
 * Streaming: only the cases in flight are held (a heap of their next steps), never the events.
 * The parts are in realistic/: fixtures (centers, departments, matters), the configuration
 * appends, a flight's script and steps, the commands and the decide step.
 */
import { addOfficeMinutes, createWorkingCalendar, parseInstant } from '#domain/calendar/index.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { isClosed } from '#domain/case/case-state.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import { commandFor } from './realistic/commands.js';
import { configurationAppends } from './realistic/configuration.js';
import { decideStep } from './realistic/decide-step.js';
import { diceOf } from './realistic/dice.js';
import { centers, countyPolicy, departments } from './realistic/fixtures.js';
import { nextAt, newFlight, type Flight, type Step } from './realistic/flight.js';
import { FlightHeap } from './realistic/flight-heap.js';
import { followUps } from './realistic/follow-ups.js';
import { START, type PlannedAppend, type RealisticCasesOptions } from './realistic/options.js';

export { configurationAppends } from './realistic/configuration.js';
export type { PlannedAppend, RealisticCasesOptions } from './realistic/options.js';

/**
 * The appends of `options.cases` realistic cases, in recording order (configuration first). The
 * caller appends each at `expectedRevision` with the store's clock set to `recordedAt`.
 */
export function* realisticCaseAppends(options: RealisticCasesOptions): Generator<PlannedAppend> {
  const seed = options.seed ?? 1;
  const dice = diceOf(seed);
  const calendar = createWorkingCalendar();
  const sites = centers(calendar);
  const depts = departments();
  const policy = countyPolicy();
  const start = parseInstant(options.start ?? START);
  const perDay = options.casesPerDay ?? 150;
  const minutesBetweenArrivals = 420 / perDay;

  yield* configurationAppends(options);

  const heap = new FlightHeap();
  let arrived = 0;
  let nextArrival = start;

  const schedule = (f: Flight): void => {
    const at = nextAt(f);
    if (at !== undefined) heap.push(at, f);
  };

  let endAt = Number.POSITIVE_INFINITY;
  for (;;) {
    const due = heap.peekAt();
    if (arrived < options.cases && (due === undefined || nextArrival <= due)) {
      const f = newFlight(arrived++, nextArrival, seed, sites, depts, dice);
      if (arrived === options.cases)
        endAt = addOfficeMinutes(sites[0]!.clock, nextArrival, options.tailMinutes ?? 420).value;
      // The gap to the next arrival: half to one and a half the mean, in the county center's office minutes.
      nextArrival = addOfficeMinutes(
        sites[0]!.clock,
        nextArrival,
        minutesBetweenArrivals * (0.5 + dice.random()),
      ).value;
      schedule(f);
      continue;
    }
    if (due === undefined || due > endAt) return;
    const f = heap.pop();
    if (!f) return;
    const isCheck = f.check !== undefined && (f.plan[0] === undefined || f.check < f.plan[0].at);
    const step: Step = isCheck ? { at: f.check!, kind: 'check' } : f.plan.shift()!;
    if (isCheck) f.check = undefined;
    const command = commandFor(f, step, dice);
    let events: readonly CaseEvent[] = [];
    if (command) {
      const decided = decideStep(f, step, command, policy);
      events = decided.events;
      if (decided.append) yield decided.append;
    }
    f.plan.push(...followUps(f, step, events, dice));
    f.plan.sort((a, b) => a.at - b.at);
    // Supervision looks again when the domain says something may fall due (C1–C3, T10, F3).
    const next = assessTimeliness(f.state, policy, f.center.clock, step.at).nextCheckAt;
    f.check = next !== undefined && !(isClosed(f.state) && f.plan.length === 0) ? next : undefined;
    if (f.check !== undefined && f.plan.length === 0 && f.check - step.at > 30 * 86_400_000)
      f.check = undefined;
    schedule(f);
  }
}
