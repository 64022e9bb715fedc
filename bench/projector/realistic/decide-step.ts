/**
 * One step of a flight through the domain: decide its command on the case's state, and when
 * events are decided, the append that records them under ids derived from the case and its step.
 */
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import { decide } from '#domain/case/decide.js';
import { evolve } from '#domain/case/evolve.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import { newEventOf } from '#infra/command-handling/handle-command.js';
import type { ExpectedRevision } from '#infra/event-store/event-store.port.js';
import type { Flight, Step } from './flight.js';
import type { PlannedAppend } from './options.js';
import { uuidOf } from './uuid-of.js';

export interface DecidedStep {
  /** What the domain decided; empty when it refused or decided nothing. */
  readonly events: readonly CaseEvent[];
  readonly append: PlannedAppend | undefined;
}

/** Decides `command` at `step.at`; when events are decided the flight moves on to their state. */
export function decideStep(
  f: Flight,
  step: Step,
  command: CaseCommand,
  policy: TimelinessPolicy,
): DecidedStep {
  // U2: one entry in a hundred is recorded 40 minutes after the fact, with its reason.
  const backdated = f.script.backdated && step.kind === 'accept';
  const decided = decide(
    backdated
      ? {
          ...command,
          occurredAt: toShanghaiIso(step.at - 40 * 60_000),
          lateEntryReason: '系统故障后补录',
        }
      : command,
    f.state,
    {
      now: step.at,
      clock: f.center.clock,
      policy,
      ...(command.type === 'SubmitApplication' && { matter: f.matter }),
    },
  );
  if (!Array.isArray(decided) || decided.length === 0) return { events: [], append: undefined };
  const expected: ExpectedRevision = f.state.revision < 0 ? 'no_stream' : f.state.revision;
  const append: PlannedAppend = {
    streamId: `case-${f.caseId}`,
    expectedRevision: expected,
    recordedAt: step.at,
    events: decided.map((e, i) =>
      newEventOf(
        e,
        { eventId: uuidOf(`${f.caseId}|${f.seq}|${i}`), causationId: null },
        uuidOf(`${f.caseId}|corr|${f.seq}`),
      ),
    ),
  };
  f.seq++;
  f.state = decided.reduce(evolve, f.state);
  return { events: decided, append };
}
