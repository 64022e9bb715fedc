import type { EpochMs } from '../calendar/calendar-types.js';
import { parseInstant } from '../calendar/index.js';
import type { ComplaintEvent, ComplaintReceived } from './complaint-events.js';

export type ComplaintStatus = 'none' | 'received' | 'investigating' | 'concluded';

export interface ComplaintState {
  readonly status: ComplaintStatus;
  readonly revision: number;
  readonly received?: ComplaintReceived['data'];
  readonly receivedAt?: EpochMs;
  readonly dueAt?: EpochMs;
  readonly investigationStartedAt?: EpochMs;
  readonly concludedAt?: EpochMs;
  readonly substantiated?: boolean;
  readonly reply?: string;
  readonly late?: boolean;
  readonly overdueFlagged: boolean;
}

export const initialComplaintState: ComplaintState = { status: 'none', revision: -1, overdueFlagged: false };

export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  const s = { ...state, revision: state.revision + 1 };
  const occurred = parseInstant(event.occurredAt);
  switch (event.type) {
    case 'ComplaintReceived':
      return {
        ...s,
        status: 'received',
        received: event.data,
        receivedAt: occurred,
        dueAt: parseInstant(event.data.dueAt),
      };
    case 'ComplaintInvestigationStarted':
      return { ...s, status: 'investigating', investigationStartedAt: occurred };
    case 'ComplaintConclusionRecorded':
      return {
        ...s,
        status: 'concluded',
        concludedAt: occurred,
        substantiated: event.data.substantiated,
        reply: event.data.reply,
        late: event.data.late,
      };
    case 'ComplaintOverdueFlagged':
      return { ...s, overdueFlagged: true };
    case 'ComplaintPersonalDataErased':
      return s; // I2: nothing the complaint's course depends on; its reads show the phone erased
  }
}

export function foldComplaint(events: readonly ComplaintEvent[]): ComplaintState {
  return events.reduce(evolveComplaint, initialComplaintState);
}

/** P2, T10: open and past its limit at `now`. */
export function complaintOverdue(state: ComplaintState, now: EpochMs): boolean {
  return state.status !== 'concluded' && state.dueAt !== undefined && now > state.dueAt;
}

/**
 * T10, P2: when supervision must next look at a complaint without a case: at its limit while it is
 * open and not yet flagged; never once it is concluded or flagged (the flag is raised once). The
 * complaints read model stores it, and supervision's due-complaint query reads it (issue 14).
 */
export function complaintNextCheckAt(state: ComplaintState): EpochMs | undefined {
  if (state.status === 'none' || state.status === 'concluded' || state.overdueFlagged) return undefined;
  return state.dueAt;
}
