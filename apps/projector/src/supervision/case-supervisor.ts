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
import { decide, type Decision } from '#domain/case/decide.js';
import {
  IdempotencyConflict,
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '#infra/event-store/event-store.port.js';
import { caseStateOf, caseStreamId } from '#infra/case-stream/case-stream.js';
import type { SupervisionConfiguration } from './supervision-configuration.js';
import { supervisionEventId } from './supervision-event-id.js';

export type CaseCheckOutcome =
  | { readonly kind: 'appended'; readonly caseId: string; readonly events: readonly RecordedEvent[] }
  /** Nothing due (the view that named the case was stale, or another loop wrote first). */
  | { readonly kind: 'nothing_due'; readonly caseId: string }
  /** Another writer moved the case between read and append: looked at again next tick. */
  | { readonly kind: 'conflict'; readonly caseId: string }
  | { readonly kind: 'missing'; readonly caseId: string }
  | { readonly kind: 'refused'; readonly caseId: string; readonly code: string };

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
    const streamId = caseStreamId(caseId);
    const recorded = await this.store.readStream(streamId);
    if (recorded.length === 0) return { kind: 'missing', caseId };
    const state = caseStateOf(recorded);
    const decision = decide(command(), state, {
      now,
      clock: this.configuration.officeClock(state.centerId),
      policy: this.configuration.policy(),
    });
    if (!isEvents(decision)) return { kind: 'refused', caseId, code: decision.code };
    const decided = decision;
    if (decided.length === 0) return { kind: 'nothing_due', caseId };
    const last = recorded[recorded.length - 1]!;
    const events: NewEvent[] = decided.map((event) => ({
      eventId: supervisionEventId(caseId, event),
      type: event.type,
      schemaVersion: event.schemaVersion,
      occurredAt: event.occurredAt,
      actor: {
        id: event.actor.id,
        name: event.actor.name,
        role: event.actor.role,
        departmentId: event.actor.departmentId ?? null,
        windowId: event.actor.windowId ?? null,
      },
      correlationId,
      causationId: causeOf(event, recorded) ?? last.eventId,
      data: event.data,
    }));
    try {
      const result = await this.store.append(streamId, events, last.revision);
      return { kind: 'appended', caseId, events: result.events };
    } catch (error) {
      // Someone wrote first: another loop (the same ids, partly: IdempotencyConflict) or a command.
      if (error instanceof WrongExpectedRevision || error instanceof IdempotencyConflict)
        return { kind: 'conflict', caseId };
      throw error;
    }
  }
}

const isEvents = (decision: Decision): decision is readonly CaseEvent[] => Array.isArray(decision);

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
