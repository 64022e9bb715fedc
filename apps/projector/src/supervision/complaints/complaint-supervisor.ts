/**
 * Supervision of one complaint without a case (T10, P2): load `complaint-<id>`, ask the domain
 * (`SuperviseComplaint`: flagged once when open past its limit), append what it decides with the
 * revision it was decided on and a derived event id, as case-supervisor.ts does for cases. Holds no
 * rule. The flag names as its cause the receipt, which set the limit it measures.
 */
import { SUPERVISION_ACTOR } from '#domain/actor/actor.js';
import type { EpochMs } from '#domain/calendar/index.js';
import { complaintStreamId, type ComplaintEvent } from '#domain/complaint/complaint-events.js';
import { decideComplaint } from '#domain/complaint/decide-complaint.js';
import { complaintStateOf } from '#infra/case-stream/complaint-stream.js';
import { handleCommand } from '#infra/command-handling/handle-command.js';
import type { EventStore, RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { SupervisionConfiguration } from '../supervision-configuration.js';
import { complaintSupervisionEventId } from '../supervision-event-id.js';

export type ComplaintCheckOutcome =
  | { readonly kind: 'appended'; readonly complaintId: string; readonly events: readonly RecordedEvent[] }
  | { readonly kind: 'nothing_due'; readonly complaintId: string }
  | { readonly kind: 'conflict'; readonly complaintId: string }
  | { readonly kind: 'missing'; readonly complaintId: string }
  | { readonly kind: 'refused'; readonly complaintId: string; readonly code: string };

export class ComplaintSupervisor {
  constructor(
    private readonly store: EventStore,
    private readonly configuration: SupervisionConfiguration,
  ) {}

  async check(complaintId: string, now: EpochMs, correlationId: string): Promise<ComplaintCheckOutcome> {
    // The one write path (libs/infra/src/command-handling), as case-supervisor.ts: no retry, a
    // conflict is looked at again next tick.
    const result = await handleCommand<ComplaintEvent>(this.store, {
      streamId: complaintStreamId(complaintId),
      correlationId,
      mustExist: true,
      retries: 0,
      decide: (recorded) => {
        const state = complaintStateOf(recorded);
        return decideComplaint({ type: 'SuperviseComplaint', actor: SUPERVISION_ACTOR }, state, {
          now,
          clock: this.configuration.officeClock(state.received?.centerId),
          policy: this.configuration.policy(),
        });
      },
      envelope: (event, _index, recorded) => ({
        eventId: complaintSupervisionEventId(complaintId, event),
        causationId: recorded[0]!.eventId,
      }),
    });
    switch (result.kind) {
      case 'recorded':
        return result.outcome.events.length === 0
          ? { kind: 'nothing_due', complaintId }
          : { kind: 'appended', complaintId, events: result.outcome.events };
      case 'refused':
        return { kind: 'refused', complaintId, code: result.refusal.code };
      case 'missing':
        return { kind: 'missing', complaintId };
      case 'conflict':
      case 'key_reused':
      case 'precondition_failed':
        return { kind: 'conflict', complaintId };
      case 'too_large':
        throw new Error(
          `A supervision event on complaint ${complaintId} would be ${result.sizeBytes} bytes.`,
        );
    }
  }
}
