import {
  complaintConclusion,
  complaintEventsAt,
  complaintHistoryAfter,
  complaintInvestigation,
  complaintSupervision,
  decideComplaintAt as whenComplaint,
} from '../../testing/complaint-history.js';
import { guide, supervisor, windowClerk } from '../../testing/fixtures.js';
import type { Actor } from '../../actor/actor.js';
import type { ComplaintEvent } from '../complaint-events.js';
import { foldComplaint } from '../complaint-state.js';
import { detectComplaintViolations, type RecordedComplaintEvent } from '../complaint-violations.js';

const receive = (actor: Actor = guide) =>
  ({
    type: 'ReceiveComplaint',
    actor,
    complaintId: 'TS-20260308-ABCD2345',
    centerId: 'center-1',
    channel: 'hotline',
    subject: { kind: 'staff', id: 'u-window', windowId: 'win-3', departmentId: 'dept-market' },
    content: '窗口人员拒绝登记我的申请',
    complainant: { name: '李四', phone: '13900139000' },
    queryCodeHash: 'a'.repeat(64),
  }) as const;
const recorded = (list: readonly ComplaintEvent[]): RecordedComplaintEvent[] =>
  list.map((e, i) => ({ ...e, eventId: `c${i}`, recordedAt: e.occurredAt }));

describe('complaints without a case (P1, P2, P3)', () => {
  it('P1: given no case, when a complaint about a staff member arrives by hotline on a Sunday night, then it gets its own stream with receipt number, query code hash and a conclusion due in 5 working days (P2)', () => {
    const [e] = complaintEventsAt([], receive(), '2026-03-08T22:00:00+08:00');
    expect(e).toMatchObject({
      type: 'ComplaintReceived',
      data: {
        receiptNo: 'TS-20260308-ABCD2345',
        queryCodeHash: 'a'.repeat(64),
        dueAt: '2026-03-13T17:30:00+08:00',
      },
    });
    expect(foldComplaint([e!]).status).toBe('received');
  });

  it('P1: given no case, when a complaint names a staff subject without id, or has no content, then P1_COMPLAINT_INCOMPLETE; auditors and other centers record nothing', () => {
    expect(
      whenComplaint([], { ...receive(), subject: { kind: 'staff' } }, '2026-03-09T10:00:00+08:00'),
    ).toMatchObject({ code: 'P1_COMPLAINT_INCOMPLETE', field: 'subject.id' });
    expect(whenComplaint([], { ...receive(), content: ' ' }, '2026-03-09T10:00:00+08:00')).toMatchObject({
      code: 'P1_COMPLAINT_INCOMPLETE',
      field: 'content',
    });
    expect(
      whenComplaint([], receive({ ...guide, role: 'auditor' }), '2026-03-09T10:00:00+08:00'),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(
      whenComplaint([], receive({ ...guide, centerId: 'center-2' }), '2026-03-09T10:00:00+08:00'),
    ).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(
      complaintEventsAt([], { ...receive(), subject: { kind: 'center' } }, '2026-03-09T10:00:00+08:00'),
    ).toHaveLength(1);
  });

  it('P2: given a complaint, when investigated and concluded substantiated within 5 working days, then it is concluded on time and counts against the staff member and window (P3)', () => {
    const received = complaintEventsAt([], receive(), '2026-03-09T10:00:00+08:00');
    const investigating = complaintHistoryAfter(
      received,
      complaintInvestigation(supervisor, '调取监控'),
      '2026-03-10T10:00:00+08:00',
    );
    expect(foldComplaint(investigating).status).toBe('investigating');
    expect(
      whenComplaint(investigating, complaintInvestigation(supervisor, '再次'), '2026-03-10T11:00:00+08:00'),
    ).toMatchObject({ code: 'P2_COMPLAINT_ALREADY_INVESTIGATING' });
    const concluded = complaintHistoryAfter(
      investigating,
      complaintConclusion(supervisor, true, '经查属实，已对当事人批评教育'),
      '2026-03-12T10:00:00+08:00',
    );
    expect(concluded[2]).toMatchObject({
      type: 'ComplaintConclusionRecorded',
      data: { substantiated: true, late: false },
    });
    expect(detectComplaintViolations(recorded(concluded))).toEqual([
      expect.objectContaining({
        code: 'COMPLAINT_SUBSTANTIATED',
        rule: 'P3',
        staffId: 'u-window',
        windowId: 'win-3',
        departmentId: 'dept-market',
        complaintId: 'TS-20260308-ABCD2345',
        evidence: ['c0', 'c2'],
      }),
    ]);
    expect(
      whenComplaint(concluded, complaintConclusion(supervisor, false, 'x'), '2026-03-12T11:00:00+08:00'),
    ).toMatchObject({ code: 'P2_COMPLAINT_ALREADY_CONCLUDED' });
  });

  it('P2: given a complaint not concluded after 5 working days, then supervision flags it once (T10) and a later conclusion is late; a window clerk cannot conclude', () => {
    const received = complaintEventsAt([], receive(), '2026-03-09T10:00:00+08:00');
    expect(complaintEventsAt(received, complaintSupervision, '2026-03-16T17:00:00+08:00')).toEqual([]);
    const flag = complaintEventsAt(received, complaintSupervision, '2026-03-16T17:31:00+08:00');
    expect(flag).toEqual([
      expect.objectContaining({
        type: 'ComplaintOverdueFlagged',
        data: expect.objectContaining({ dueAt: '2026-03-16T17:30:00+08:00' }),
      }),
    ]);
    expect(
      complaintEventsAt([...received, ...flag], complaintSupervision, '2026-03-17T10:00:00+08:00'),
    ).toEqual([]);
    expect(
      whenComplaint(received, complaintConclusion(windowClerk, false, '不属实'), '2026-03-17T10:00:00+08:00'),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    const late = complaintEventsAt(
      received,
      complaintConclusion(supervisor, false, '经查不属实'),
      '2026-03-17T10:00:00+08:00',
    );
    expect(late[0]).toMatchObject({ data: { late: true } });
    expect(detectComplaintViolations(recorded([...received, ...late]))).toEqual([]);
  });

  it('P2: given no complaint, when a conclusion is recorded, then COMPLAINT_NOT_FOUND', () => {
    expect(
      whenComplaint([], complaintConclusion(supervisor, true, 'x'), '2026-03-09T10:00:00+08:00'),
    ).toMatchObject({ code: 'COMPLAINT_NOT_FOUND', category: 'not_found' });
  });

  it('R1: given a complaint of center-1, when a supervisor of center-2 investigates it, then COMPLAINT_NOT_FOUND, the refusal of a complaint never received (nothing says where it belongs)', () => {
    const received = complaintEventsAt([], receive(), '2026-03-09T10:00:00+08:00');
    const elsewhere = { ...supervisor, id: 'u-super-2', centerId: 'center-2' };
    const refused = whenComplaint(
      received,
      complaintInvestigation(elsewhere, '调查'),
      '2026-03-10T10:00:00+08:00',
    );
    expect(refused).toEqual(
      whenComplaint([], complaintInvestigation(elsewhere, '调查'), '2026-03-10T10:00:00+08:00'),
    );
    expect(refused).toMatchObject({ code: 'COMPLAINT_NOT_FOUND' });
    expect(JSON.stringify(refused)).not.toContain('center-1');
    // The center's own supervisor investigates it.
    expect(
      complaintHistoryAfter(
        received,
        complaintInvestigation(supervisor, '调查'),
        '2026-03-10T10:00:00+08:00',
      ),
    ).toHaveLength(2);
  });
});
