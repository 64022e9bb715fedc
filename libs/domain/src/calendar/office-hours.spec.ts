import {
  DEFAULT_OFFICE_HOURS,
  formatOfficeHours,
  officeMinutesPerDay,
  parseOfficeHours,
} from './office-hours.js';

describe('office hours (T1)', () => {
  it('T1: given the default office hours, then they are 08:30–12:00 and 14:30–17:30, 390 minutes a day', () => {
    expect(formatOfficeHours(DEFAULT_OFFICE_HOURS)).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '14:30', end: '17:30' },
    ]);
    expect(officeMinutesPerDay(DEFAULT_OFFICE_HOURS)).toBe(390);
  });

  it('T1: given HH:MM periods in order, when parsed, then they give office hours', () => {
    expect(
      parseOfficeHours([
        { start: '08:30', end: '12:00' },
        { start: '14:30', end: '17:30' },
      ]),
    ).toEqual({ ok: true, hours: DEFAULT_OFFICE_HOURS });
    expect(
      parseOfficeHours([
        { start: '09:00', end: '12:00' },
        { start: '12:00', end: '13:00' },
      ]).ok,
    ).toBe(true);
  });

  it('T1: given no periods, then it is refused', () => {
    expect(parseOfficeHours([])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'T1_OFFICE_HOURS_EMPTY', path: 'periods' })],
    });
  });

  it('T1: given malformed times, empty, unsorted or overlapping periods, then every problem is reported', () => {
    const result = parseOfficeHours([
      { start: '8:30', end: '12:00' },
      { start: '14:30', end: '25:00' },
      { start: '13:00', end: '13:00' },
      { start: '09:00', end: '10:00' },
      { start: '09:30', end: '11:00' },
      { start: '08:00', end: '09:00' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['T1_OFFICE_TIME_INVALID', 'periods[0].start'],
      ['T1_OFFICE_TIME_INVALID', 'periods[1].end'],
      ['T1_OFFICE_PERIOD_EMPTY', 'periods[2]'],
      ['T1_OFFICE_PERIODS_OVERLAP', 'periods[4]'],
      ['T1_OFFICE_PERIODS_UNSORTED', 'periods[5]'],
    ]);
  });
});
