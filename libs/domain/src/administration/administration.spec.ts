import type { Actor } from '../actor/actor.js';
import { DEFAULT_TIMELINESS_POLICY } from '../timeliness/timeliness-policy.js';
import type { CenterDefinition } from './administration-events.js';
import { changeTimelinessPolicy } from './change-timeliness-policy.js';
import { configureCenter } from './configure-center.js';
import { publishCalendarYear } from './publish-calendar-year.js';

const admin: Actor = { id: 'u-admin', name: '管理员赵敏', role: 'admin' };
const supervisor: Actor = { id: 'u-super', name: '督查刘洋', role: 'supervisor', centerId: 'center-1' };
const window: Actor = { id: 'u-window', name: '窗口王芳', role: 'window', departmentId: 'dept-market' };
const at = '2026-03-02T09:00:00+08:00';

describe('configureCenter (T1)', () => {
  /** An admin configures the township sub-center town-1 with these office hours. */
  const configureTown = (officeHours: CenterDefinition['officeHours']) =>
    configureCenter({ centerId: 'town-1', name: '某镇分中心', officeHours }, admin, at);

  it('T1: records a center with its office hours', () => {
    const event = configureTown([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(event).toMatchObject({
      type: 'CenterConfigured',
      data: { centerId: 'town-1', officeHours: [{ start: '09:00' }, { start: '13:30' }] },
    });
  });

  it('T1: refuses overlapping or malformed office hours with every problem', () => {
    const refusal = configureTown([
      { start: '09:00', end: '12:00' },
      { start: '11:00', end: '25:00' },
    ]);
    expect(refusal).toMatchObject({
      kind: 'DomainError',
      code: 'T1_OFFICE_TIME_INVALID',
      errors: [{ field: 'officeHours[1].end' }],
    });
  });

  it('T1: only admins configure centers', () => {
    expect(
      configureCenter(
        { centerId: 'c', name: 'n', officeHours: [{ start: '09:00', end: '17:00' }] },
        window,
        at,
      ),
    ).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      category: 'forbidden',
    });
  });
});

describe('publishCalendarYear (T2)', () => {
  it('T2: records a year notice, dates sorted and unique', () => {
    const event = publishCalendarYear(
      {
        year: 2027,
        source: '国务院办公厅关于2027年部分节假日安排的通知',
        holidays: ['2027-02-07', '2027-01-01', '2027-01-01'],
        workdays: [],
      },
      admin,
      at,
    );
    expect(event).toMatchObject({
      type: 'CalendarYearPublished',
      data: { year: 2027, holidays: ['2027-01-01', '2027-02-07'] },
    });
  });

  it('T2: a weekday listed as an adjusted working day breaks a rule (422); a bad date is invalid input (400)', () => {
    expect(
      publishCalendarYear({ year: 2027, source: '通知', holidays: [], workdays: ['2027-02-10'] }, admin, at),
    ).toMatchObject({
      code: 'T2_WORKDAY_NOT_WEEKEND',
      category: 'rule',
      errors: [{ field: 'workdays[0]' }],
    });
    expect(
      publishCalendarYear({ year: 2027, source: '通知', holidays: ['2027-02-30'], workdays: [] }, admin, at),
    ).toMatchObject({
      code: 'T2_DATE_INVALID',
      category: 'invalid',
    });
  });
});

describe('changeTimelinessPolicy (C7)', () => {
  it('C7: admins and supervisors record a new version', () => {
    for (const actor of [admin, supervisor])
      expect(
        changeTimelinessPolicy({ ...DEFAULT_TIMELINESS_POLICY, version: 'v2' }, [], actor, at),
      ).toMatchObject({
        type: 'TimelinessPolicyChanged',
        data: { version: 'v2' },
      });
    expect(
      changeTimelinessPolicy({ ...DEFAULT_TIMELINESS_POLICY, version: 'v2' }, [], window, at),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('C7: a version name is used once; an incomplete policy is refused', () => {
    expect(
      changeTimelinessPolicy({ ...DEFAULT_TIMELINESS_POLICY, version: 'v2' }, ['v2'], admin, at),
    ).toMatchObject({
      code: 'C7_POLICY_VERSION_EXISTS',
      category: 'conflict',
    });
    expect(
      changeTimelinessPolicy(
        { ...DEFAULT_TIMELINESS_POLICY, version: 'v3', explanationDays: 0 },
        [],
        admin,
        at,
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'explanationDays',
    });
  });

  it('C7, P6, T14: given a policy naming callback and appeal days, then they are recorded; 0 or 366 is refused naming the field; absent, the defaults apply', () => {
    expect(
      changeTimelinessPolicy(
        { ...DEFAULT_TIMELINESS_POLICY, version: 'v4', callbackDays: 3, appealDays: 10 },
        [],
        admin,
        at,
      ),
    ).toMatchObject({ type: 'TimelinessPolicyChanged', data: { callbackDays: 3, appealDays: 10 } });
    expect(
      changeTimelinessPolicy({ ...DEFAULT_TIMELINESS_POLICY, version: 'v5', callbackDays: 0 }, [], admin, at),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'callbackDays' });
    expect(
      changeTimelinessPolicy({ ...DEFAULT_TIMELINESS_POLICY, version: 'v6', appealDays: 366 }, [], admin, at),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'appealDays' });
    expect(
      changeTimelinessPolicy({ ...DEFAULT_TIMELINESS_POLICY, version: 'v7' }, [], admin, at),
    ).toMatchObject({ type: 'TimelinessPolicyChanged' });
  });
});
