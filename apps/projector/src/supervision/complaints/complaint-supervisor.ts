/**
 * Supervision of one complaint without a case (T10, P2): load `complaint-<id>`, ask the domain
 * (`SuperviseComplaint`: flagged once when open past its limit), append what it decides with the
 * revision it was decided on and a derived event id, as case-supervisor.ts does for cases. Holds no
 * rule. The flag names as its cause the receipt, which set the limit it measures.
 */
import { SUPERVISION_ACTOR } from '#domain/actor/actor.js';
import type { EpochMs } from '#domain/calendar/index.js';
import { complaintStreamId, type ComplaintEvent } from '#domain/complaint/complaint-events.js';
import { decideComplaint, type ComplaintDecision } from '#domain/complaint/decide-complaint.js';
import { complaintStateOf } from '#infra/case-stream/complaint-stream.js';
import {
  IdempotencyConflict,
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '#infra/event-store/event-store.port.js';
import type { SupervisionConfiguration } from '../supervision-configuration.js';
import { complaintSupervisionEventId } from '../supervision-event-id.js';

export type ComplaintCheckOutcome =
  | { readonly kind: 'appended'; readonly complaintId: string; readonly events: readonly RecordedEvent[] }
  | { readonly kind: 'nothing_due'; readonly complaintId: string }
  | { readonly kind: 'conflict'; readonly complaintId: string }
  | { readonly kind: 'missing'; readonly complaintId: string }
  | { readonly kind: 'refused'; readonly complaintId: string; readonly code: string };

const isEvents = (decision: ComplaintDecision): decision is readonly ComplaintEvent[] =>
  Array.isArray(decision);

export class ComplaintSupervisor {
  constructor(
    private readonly store: EventStore,
    private readonly configuration: SupervisionConfiguration,
  ) {}

  async check(complaintId: string, now: EpochMs, correlationId: string): Promise<ComplaintCheckOutcome> {
    const streamId = complaintStreamId(complaintId);
    const recorded = await this.store.readStream(streamId);
    if (recorded.length === 0) return { kind: 'missing', complaintId };
    const state = complaintStateOf(recorded);
    const decision = decideComplaint({ type: 'SuperviseComplaint', actor: SUPERVISION_ACTOR }, state, {
      now,
      clock: this.configuration.officeClock(state.received?.centerId),
      policy: this.configuration.policy(),
    });
    if (!isEvents(decision)) return { kind: 'refused', complaintId, code: decision.code };
    if (decision.length === 0) return { kind: 'nothing_due', complaintId };
    const first = recorded[0]!;
    const last = recorded[recorded.length - 1]!;
    const events: NewEvent[] = decision.map((event) => ({
      eventId: complaintSupervisionEventId(complaintId, event),
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
      causationId: first.eventId,
      data: event.data,
    }));
    try {
      const result = await this.store.append(streamId, events, last.revision);
      return { kind: 'appended', complaintId, events: result.events };
    } catch (error) {
      if (error instanceof WrongExpectedRevision || error instanceof IdempotencyConflict)
        return { kind: 'conflict', complaintId };
      throw error;
    }
  }
}
