import type { YearNotice } from './calendar-types.js';
import { validateYearNotice } from './year-notice-validation.js';

const valid: YearNotice = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知 (made up for tests)',
  holidays: ['2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: ['2027-01-09', '2028-01-02'],
};

const codes = (notice: YearNotice) => validateYearNotice(notice).map((p) => [p.code, p.path]);

describe('holiday notice validation (T2)', () => {
  it('T2: given a well-formed notice, including days at the edge of the neighbouring years, then there is no problem', () => {
    expect(validateYearNotice(valid)).toEqual([]);
  });

  it('T2: given a year out of range or not an integer, then the year is refused', () => {
    expect(codes({ ...valid, year: 1800 })).toEqual([['T2_YEAR_INVALID', 'year']]);
    expect(codes({ ...valid, year: 2027.5 })).toEqual([['T2_YEAR_INVALID', 'year']]);
  });

  it('T2: given bad dates, then each is named with its position', () => {
    expect(
      codes({
        ...valid,
        source: ' ',
        holidays: ['2027-02-29', '2027-1-5', '2026-10-01'],
        workdays: ['2028-02-05'],
      }),
    ).toEqual([
      ['T2_SOURCE_MISSING', 'source'],
      ['T2_DATE_INVALID', 'holidays[0]'],
      ['T2_DATE_INVALID', 'holidays[1]'],
      ['T2_DATE_OUTSIDE_YEAR', 'holidays[2]'],
      ['T2_DATE_OUTSIDE_YEAR', 'workdays[0]'],
    ]);
  });

  it('T2: given a day both off and worked, or a weekday listed as worked, then it is refused', () => {
    expect(codes({ ...valid, workdays: ['2027-01-02', '2027-01-04'] })).toEqual([
      ['T2_DAY_BOTH_HOLIDAY_AND_WORKDAY', 'workdays[0]'],
      ['T2_WORKDAY_NOT_WEEKEND', 'workdays[1]'],
    ]);
  });
});
