import { createWorkingCalendar } from '../calendar/create-working-calendar.js';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours } from '../calendar/office-hours.js';
import { officeMinutesBetween, type OfficeClock } from '../calendar/office-time.js';
import { parseInstant } from '../calendar/shanghai-time.js';
import { clockGroups, overdueBound } from './overdue-bound.js';

const at = (local: string): number => parseInstant(`${local}+08:00`);
const calendar = createWorkingCalendar();
const standard: OfficeClock = { calendar, hours: DEFAULT_OFFICE_HOURS };
const township = ((): OfficeClock => {
  const parsed = parseOfficeHours([
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:00' },
  ]);
  if (!parsed.ok) throw new Error('test office hours');
  return { calendar, hours: parsed.hours };
})();

describe('how far a case can be overdue (T6) and the clocks of a scope (T1)', () => {
  const now = at('2025-10-15T10:00:00');

  it('T6: given a deadline before now, then the bound is the office minutes since it; from now on, 0', () => {
    const deadline = at('2025-10-14T16:00:00');
    expect(overdueBound(standard, deadline, now)).toBe(officeMinutesBetween(standard, deadline, now).value);
    expect(overdueBound(standard, deadline, now)).toBeGreaterThan(0);
    expect(overdueBound(standard, now, now)).toBe(0);
    expect(overdueBound(standard, at('2025-10-16T10:00:00'), now)).toBe(0);
  });

  it('T6: given deadlines one after another, then their bounds never grow (deadline order is bound order)', () => {
    let previous = Infinity;
    for (let d = at('2025-09-25T08:00:00'); d <= now; d += 37 * 60_000) {
      const bound = overdueBound(township, d, now);
      expect(bound).toBeLessThanOrEqual(previous);
      previous = bound;
    }
  });

  it('T1: given centers with their own hours and one with the default ones, then each hours make one group and the default clock serves the rest', () => {
    const hours: Record<string, OfficeClock> = { a: township, b: standard, c: township };
    const groups = clockGroups((centerId) => (centerId && hours[centerId]) || standard, ['a', 'b', 'c']);
    expect(groups).toEqual([
      { clock: standard, otherThan: ['a', 'c'] },
      { clock: township, centerIds: ['a', 'c'] },
    ]);
  });

  it('T1: given no configured center, then one group: the default clock, for every center', () => {
    expect(clockGroups(() => standard, [])).toEqual([{ clock: standard, otherThan: [] }]);
  });
});
