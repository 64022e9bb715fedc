/**
 * S1, P1, P3: how a complaint without a case counts in the service figures. It is one complaint of
 * the window and department it names, on the day it was received (Asia/Shanghai), and a
 * substantiated one once its conclusion says so, in the same way a case's complaint counts on the
 * day it was filed (service-statistics.ts).
 */
import { dayOf, parseInstant, toLocalDate } from '../calendar/index.js';
import type { ComplaintEvent } from '../complaint/complaint-events.js';

/** Where and when a complaint without a case counts, and whether as substantiated. */
export interface ComplaintCount {
  readonly centerId: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  /** `YYYY-MM-DD`, Asia/Shanghai: the day it was received. */
  readonly day: string;
  readonly substantiated: boolean;
}

/** The count after `event`, given the count before it (null before the receipt: nothing counts). */
export function complaintCountAfter(
  before: ComplaintCount | null,
  event: ComplaintEvent,
): ComplaintCount | null {
  switch (event.type) {
    case 'ComplaintReceived': {
      const { centerId, subject } = event.data;
      return {
        centerId,
        // P3: the window a complaint names is its subject's (a window) or given with its staff member.
        departmentId: subject.departmentId ?? null,
        windowId: (subject.kind === 'window' ? subject.id : subject.windowId) ?? null,
        day: toLocalDate(dayOf(parseInstant(event.occurredAt))),
        substantiated: false,
      };
    }
    case 'ComplaintConclusionRecorded':
      return before === null ? null : { ...before, substantiated: event.data.substantiated };
    default:
      return before;
  }
}
