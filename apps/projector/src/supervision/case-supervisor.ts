/**
 * Supervision of one case: load its stream, ask the domain, append what it decides. The domain
 * decides which warnings, cards, step flags and follow-up warnings are due (RunSupervisionCheck:
 * C1–C5, T10, F3) and whether a public criticism is recommended (RecommendPublicCriticism: C6);
 * this class holds no rule. Appends name the revision the decision was made on and carry derived
 * event ids, so a second loop deciding the same thing records nothing new, and a loop that lost a
 * race leaves the case for its next tick.
 */
import { SUPERVISION_ACTOR } from '#domain/actor/actor.js';
import type { EpochMs } from '#domain/calendar/index.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { decide } from '#domain/case/decide.js';
import type { EventStore, RecordedEvent } from '#infra/event-store/event-store.port.js';
import { caseStateOf, caseStreamId } from '#infra/case-stream/case-stream.js';
import type { SupervisionConfiguration } from './supervision-configuration.js';
import { superviseStream, type StreamCheckOutcome } from './supervise-stream.js';
import { supervisionEventId } from './supervision-event-id.js';

/** What supervising the case came to (supervise-stream.ts), naming the case. */
export type CaseCheckOutcome = StreamCheckOutcome & { readonly caseId: string };

/** Events that set the deadline a card is measured against (T9): what caused a card. */
const DEADLINE_EVENTS = new Set(['ApplicationAccepted', 'CaseResumed', 'ExtensionGranted']);

export class CaseSupervisor {
  constructor(
    private readonly store: EventStore,
    private readonly configuration: SupervisionConfiguration,
  ) {}

  /** C1–C5, T10, F3: appends the warnings, cards, step flags and follow-up warnings due at `now`. */
  check(caseId: string, now: EpochMs, correlationId: string): Promise<CaseCheckOutcome> {
    return this.decideAndAppend(caseId, now, correlationId, () => ({
      type: 'RunSupervisionCheck',
      actor: SUPERVISION_ACTOR,
    }));
  }

  /** C6: recommends public criticism on `caseId`, the last of its department's late completions. */
  recommendPublicCriticism(
    caseId: string,
    lateCaseIds: readonly string[],
    now: EpochMs,
    correlationId: string,
  ): Promise<CaseCheckOutcome> {
    return this.decideAndAppend(caseId, now, correlationId, () => ({
      type: 'RecommendPublicCriticism',
      actor: SUPERVISION_ACTOR,
      lateCaseIds,
    }));
  }

  /** The case's events, for callers that need its facts before deciding (C6: its department). */
  load(caseId: string): Promise<readonly RecordedEvent[]> {
    return this.store.readStream(caseStreamId(caseId));
  }

  private async decideAndAppend(
    caseId: string,
    now: EpochMs,
    correlationId: string,
    command: () => CaseCommand,
  ): Promise<CaseCheckOutcome> {
    const outcome = await superviseStream<CaseEvent>(this.store, {
      streamId: caseStreamId(caseId),
      subject: caseId,
      correlationId,
      decide: (recorded) => {
        const state = caseStateOf(recorded);
        return decide(command(), state, {
          now,
          clock: this.configuration.officeClock(state.centerId),
          policy: this.configuration.policy(),
        });
      },
      envelope: (event, _index, recorded) => ({
        eventId: supervisionEventId(caseId, event),
        causationId: causeOf(event, recorded) ?? recorded[recorded.length - 1]!.eventId,
      }),
    });
    return { ...outcome, caseId };
  }
}

/** A card is caused by the event that set the deadline it measures (T9); other events by the latest. */
function causeOf(event: CaseEvent, recorded: readonly RecordedEvent[]): string | undefined {
  if (event.type !== 'WarningIssued' && event.type !== 'YellowCardIssued' && event.type !== 'RedCardIssued')
    return undefined;
  const deadline = Date.parse(event.data.deadline);
  for (let i = recorded.length - 1; i >= 0; i--) {
    const r = recorded[i]!;
    if (!DEADLINE_EVENTS.has(r.type)) continue;
    const set = (r.data as { deadline?: string }).deadline;
    if (set !== undefined && Date.parse(set) === deadline) return r.eventId;
  }
  return undefined;
}
