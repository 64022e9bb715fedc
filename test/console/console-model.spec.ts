/**
 * The console's pure models: the deadline track a case page draws from the case's events (T6: a
 * resumption moves the deadline, T7: an extension moves it once; T9: the deadlines as recorded),
 * and the overdue board's grouping by department and window.
 */
import { deadlineTrack, type TrackEvent } from '../../apps/console/src/model/deadline-track.js';
import { NO_WINDOW, overdueBoard } from '../../apps/console/src/model/overdue-board.js';

const at = (iso: string): number => Date.parse(iso);
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}): TrackEvent => ({
  type,
  occurredAt,
  data,
});

describe('deadline track', () => {
  const events = [
    event('InquiryRegistered', '2026-03-02T09:00:00+08:00'),
    event('ApplicationReceived', '2026-03-02T09:30:00+08:00'),
    event('ApplicationAccepted', '2026-03-02T10:00:00+08:00', { deadline: '2026-03-09T17:30:00+08:00' }),
    event('CaseSuspended', '2026-03-03T09:00:00+08:00'),
    event('CaseResumed', '2026-03-04T09:00:00+08:00', { deadline: '2026-03-10T17:30:00+08:00' }),
    event('ExtensionGranted', '2026-03-04T09:00:00+08:00', { deadline: '2026-03-13T17:30:00+08:00' }),
  ];

  it('follows the deadline through a suspension (T6) and an extension (T7), as the events recorded it (T9)', () => {
    const track = deadlineTrack(events, at('2026-03-05T12:00:00+08:00'))!;
    expect(track.steps).toEqual([
      { at: at('2026-03-02T10:00:00+08:00'), deadline: at('2026-03-09T17:30:00+08:00'), cause: 'accepted' },
      { at: at('2026-03-04T09:00:00+08:00'), deadline: at('2026-03-10T17:30:00+08:00'), cause: 'resumed' },
      { at: at('2026-03-04T09:00:00+08:00'), deadline: at('2026-03-13T17:30:00+08:00'), cause: 'extended' },
    ]);
    expect(track.pauses).toEqual([
      { from: at('2026-03-03T09:00:00+08:00'), to: at('2026-03-04T09:00:00+08:00') },
    ]);
    expect(track.acceptedAt).toBe(at('2026-03-02T10:00:00+08:00'));
    // The axis runs from the first event to the latest deadline (later than now here).
    expect(track.start).toBe(at('2026-03-02T09:00:00+08:00'));
    expect(track.end).toBe(at('2026-03-13T17:30:00+08:00'));
  });

  it('reaches to now while the case is open, and a suspension not yet resumed stays open', () => {
    const open = deadlineTrack(events.slice(0, 4), at('2026-03-20T09:00:00+08:00'))!;
    expect(open.end).toBe(at('2026-03-20T09:00:00+08:00'));
    expect(open.pauses).toEqual([{ from: at('2026-03-03T09:00:00+08:00'), to: null }]);
  });

  it('stops at the last event or deadline once the case is closed, and has nothing to draw without events', () => {
    const closed = deadlineTrack(
      [...events, event('CaseCompleted', '2026-03-06T10:00:00+08:00')],
      at('2026-04-01T09:00:00+08:00'),
    )!;
    expect(closed.closedAt).toBe(at('2026-03-06T10:00:00+08:00'));
    expect(closed.end).toBe(at('2026-03-13T17:30:00+08:00'));
    expect(deadlineTrack([], 0)).toBeUndefined();
  });
});

describe('overdue board', () => {
  it('groups by department then window, the departments and windows with more red cards first', () => {
    const rows = overdueBoard([
      { caseId: 'a', departmentId: 'dept-tax', windowId: 'win-1', level: 'yellow' },
      { caseId: 'b', departmentId: 'dept-market', windowId: 'win-3', level: 'red' },
      { caseId: 'c', departmentId: 'dept-market', windowId: 'win-4', level: 'yellow' },
      { caseId: 'd', departmentId: 'dept-market', windowId: null, level: 'yellow' },
      { caseId: 'e', departmentId: 'dept-tax', windowId: 'win-1', level: 'yellow' },
    ]);
    expect(rows.map((d) => [d.departmentId, d.red, d.yellow])).toEqual([
      ['dept-market', 1, 2],
      ['dept-tax', 0, 2],
    ]);
    expect(rows[0]!.windows.map((w) => w.windowId)).toEqual(['win-3', NO_WINDOW, 'win-4']);
    expect(rows[1]!.windows).toEqual([
      expect.objectContaining({
        windowId: 'win-1',
        yellow: 2,
        red: 0,
        cases: [expect.objectContaining({ caseId: 'a' }), expect.objectContaining({ caseId: 'e' })],
      }),
    ]);
  });
});
