import type { ReceiveComplaint } from '../complaint/complaint-commands.js';
import type { ComplaintEvent } from '../complaint/complaint-events.js';
import {
  complaintConclusion,
  complaintEventsAt,
  complaintHistoryAfter,
  complaintInvestigation,
  complaintSupervision,
} from '../testing/complaint-history.js';
import { guide, supervisor } from '../testing/fixtures.js';
import { complaintCountAfter, type ComplaintCount } from './complaint-count.js';

const receive = (subject: ReceiveComplaint['subject']): ReceiveComplaint => ({
  type: 'ReceiveComplaint',
  actor: guide,
  complaintId: 'TS-20260308-ABCD2345',
  centerId: 'center-1',
  channel: 'hotline',
  subject,
  content: '窗口人员拒绝登记我的申请',
  queryCodeHash: 'a'.repeat(64),
});
const staffAtWindow3 = {
  kind: 'staff',
  id: 'u-window',
  windowId: 'win-3',
  departmentId: 'dept-market',
} as const;
const conclude = (substantiated: boolean) => complaintConclusion(supervisor, substantiated, '经查');

/** The count after each of `events`, from nothing counted. */
const countOf = (events: readonly ComplaintEvent[]): ComplaintCount | null =>
  events.reduce<ComplaintCount | null>(complaintCountAfter, null);

describe('how a complaint without a case counts in S1 (P1, P3)', () => {
  it('S1, P3: given no complaint, when one about a staff member of window 3 is received by hotline at 00:30 on Monday, then it counts against that window and department on that Shanghai day (in UTC still Sunday), not substantiated', () => {
    const received = complaintEventsAt([], receive(staffAtWindow3), '2026-03-09T00:30:00+08:00');
    expect(countOf(received)).toEqual({
      centerId: 'center-1',
      departmentId: 'dept-market',
      windowId: 'win-3',
      day: '2026-03-09',
      substantiated: false,
    });
  });

  it('P3: given a complaint about a window, then the window is its subject; about the center, then no window or department', () => {
    const aboutWindow = complaintEventsAt(
      [],
      receive({ kind: 'window', id: 'win-9', departmentId: 'dept-tax' }),
      '2026-03-09T10:00:00+08:00',
    );
    expect(countOf(aboutWindow)).toMatchObject({ departmentId: 'dept-tax', windowId: 'win-9' });
    const aboutCenter = complaintEventsAt([], receive({ kind: 'center' }), '2026-03-09T10:00:00+08:00');
    expect(countOf(aboutCenter)).toMatchObject({ departmentId: null, windowId: null });
  });

  it('S1: given a received complaint, when investigated, flagged overdue and concluded substantiated days later, then it counts as substantiated on the day it was received', () => {
    const received = complaintEventsAt([], receive(staffAtWindow3), '2026-03-09T10:00:00+08:00');
    const investigating = complaintHistoryAfter(
      received,
      complaintInvestigation(supervisor, '调取监控'),
      '2026-03-10T10:00:00+08:00',
    );
    const flagged = complaintHistoryAfter(investigating, complaintSupervision, '2026-03-16T17:31:00+08:00');
    expect(flagged.map((e) => e.type)).toEqual([
      'ComplaintReceived',
      'ComplaintInvestigationStarted',
      'ComplaintOverdueFlagged',
    ]);
    expect(countOf(flagged)).toEqual(countOf(received));
    const concluded = complaintHistoryAfter(flagged, conclude(true), '2026-03-17T10:00:00+08:00');
    expect(countOf(concluded)).toMatchObject({ day: '2026-03-09', substantiated: true });
  });

  it('S1: given a received complaint, when concluded not substantiated, then it still counts, not as substantiated', () => {
    const received = complaintEventsAt([], receive(staffAtWindow3), '2026-03-09T10:00:00+08:00');
    const concluded = complaintHistoryAfter(received, conclude(false), '2026-03-10T10:00:00+08:00');
    expect(countOf(concluded)).toMatchObject({ day: '2026-03-09', windowId: 'win-3', substantiated: false });
  });

  it('S1: given nothing counted (no receipt read), when a conclusion is read, then nothing counts', () => {
    const received = complaintEventsAt([], receive(staffAtWindow3), '2026-03-09T10:00:00+08:00');
    const [conclusion] = complaintEventsAt(received, conclude(true), '2026-03-10T10:00:00+08:00');
    expect(complaintCountAfter(null, conclusion!)).toBeNull();
  });
});
