/**
 * Supervision of one complaint without a case (T10, P2): load `complaint-<id>`, ask the domain
 * (`SuperviseComplaint`: flagged once when open past its limit), append what it decides with the
 * revision it was decided on and a derived event id, through the step case-supervisor.ts uses too
 * (supervise-stream.ts). Holds no rule. The flag names as its cause the receipt, which set the
 * limit it measures.
 */
import { SUPERVISION_ACTOR } from '#domain/actor/actor.js';
import type { EpochMs } from '#domain/calendar/index.js';
import { complaintStreamId, type ComplaintEvent } from '#domain/complaint/complaint-events.js';
import { decideComplaint } from '#domain/complaint/decide-complaint.js';
import { complaintStateOf } from '#infra/case-stream/complaint-stream.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { superviseStream, type StreamCheckOutcome } from '../supervise-stream.js';
import type { SupervisionConfiguration } from '../supervision-configuration.js';
import { complaintSupervisionEventId } from '../supervision-event-id.js';

/** What supervising the complaint came to (supervise-stream.ts), naming the complaint. */
export type ComplaintCheckOutcome = StreamCheckOutcome & { readonly complaintId: string };

export class ComplaintSupervisor {
  constructor(
    private readonly store: EventStore,
    private readonly configuration: SupervisionConfiguration,
  ) {}

  async check(complaintId: string, now: EpochMs, correlationId: string): Promise<ComplaintCheckOutcome> {
    const outcome = await superviseStream<ComplaintEvent>(this.store, {
      streamId: complaintStreamId(complaintId),
      subject: `complaint ${complaintId}`,
      correlationId,
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
    return { ...outcome, complaintId };
  }
}
