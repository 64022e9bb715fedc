import {
  complaintConclusion,
  complaintEventsAt as when,
  complaintHistoryAfter,
  complaintInvestigation,
  complaintSupervision as supervise,
} from '../../testing/complaint-history.js';
import { at, guide, supervisor } from '../../testing/fixtures.js';
import type { ComplaintEvent } from '../complaint-events.js';
import { complaintNextCheckAt, complaintOverdue, foldComplaint } from '../complaint-state.js';

const received = (): readonly ComplaintEvent[] =>
  when(
    [],
    {
      type: 'ReceiveComplaint',
      actor: guide,
      complaintId: 'TS-20260309-ABCD2345',
      centerId: 'center-1',
      channel: 'window',
      subject: { kind: 'window', id: 'win-3' },
      content: '窗口无人',
      queryCodeHash: 'a'.repeat(64),
    },
    '2026-03-09T10:00:00+08:00',
  );

describe('supervision of complaints without a case (T10, P2)', () => {
  it('T10, P2: given a complaint just received, then supervision looks at it next at its limit, 5 working days on', () => {
    const state = foldComplaint(received());
    expect(complaintNextCheckAt(state)).toBe(at('2026-03-16T17:30:00+08:00'));
    expect(complaintOverdue(state, at('2026-03-16T17:30:00+08:00'))).toBe(false);
    expect(complaintOverdue(state, at('2026-03-16T17:31:00+08:00'))).toBe(true);
  });

  it('T10, P2: given a complaint under investigation, then it is still looked at at its limit', () => {
    const investigating = complaintHistoryAfter(
      received(),
      complaintInvestigation(supervisor, '调查'),
      '2026-03-10T09:00:00+08:00',
    );
    expect(complaintNextCheckAt(foldComplaint(investigating))).toBe(at('2026-03-16T17:30:00+08:00'));
  });

  it('T10: given a complaint flagged overdue, then supervision never looks at it again (the flag is raised once)', () => {
    const flag = when(received(), supervise, '2026-03-16T17:31:00+08:00');
    expect(flag.map((e) => e.type)).toEqual(['ComplaintOverdueFlagged']);
    const flagged = foldComplaint([...received(), ...flag]);
    expect(complaintNextCheckAt(flagged)).toBeUndefined();
    expect(when([...received(), ...flag], supervise, '2026-03-20T10:00:00+08:00')).toEqual([]);
  });

  it('P2: given a complaint concluded in time, then supervision never looks at it and never flags it', () => {
    const concluded = complaintHistoryAfter(
      received(),
      complaintConclusion(supervisor, false, '不属实'),
      '2026-03-11T10:00:00+08:00',
    );
    expect(complaintNextCheckAt(foldComplaint(concluded))).toBeUndefined();
    expect(when(concluded, supervise, '2026-03-20T10:00:00+08:00')).toEqual([]);
  });

  it('T10: given no complaint, then there is nothing to look at', () => {
    expect(complaintNextCheckAt(foldComplaint([]))).toBeUndefined();
  });
});
