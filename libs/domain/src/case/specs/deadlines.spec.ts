import { createWorkingCalendar } from '../../calendar/index.js';
import { defineMatter } from '../../catalog/define-matter.js';
import type { Matter } from '../../catalog/matter.js';
import type { SuspendCase } from '../case-commands.js';
import type { CaseEvent } from '../case-events.js';
import {
  aCase,
  anAcceptedCase,
  approver,
  clock,
  given,
  immediateMatter,
  promisedMatter,
  windowClerk,
  type CaseHistory,
} from '../../testing/index.js';

const admin = { id: 'u-admin', name: '管理员', role: 'admin' as const };
const withLimit = (promisedLimitDays: number) => ({ ...promisedMatter, promisedLimitDays });
/** A case of `matter` registered, received and accepted at `at`. */
const acceptedAt = (at: string, matter: Matter = promisedMatter): CaseHistory => anAcceptedCase(at, matter);
const acceptedCase = (at: string, matter?: Matter): CaseEvent[] => acceptedAt(at, matter).events();
/**
 * T6: `accepted` suspended by the window clerk at `suspendedAt` (the applicant told then), and its
 * resumption at `resumedAt`: what the resumption records is the pause's effect on the deadline.
 */
const resumingAfter = (
  accepted: CaseHistory,
  suspension: Pick<SuspendCase, 'suspensionType' | 'expectedDays' | 'reason'>,
  { suspendedAt, resumedAt }: { readonly suspendedAt: string; readonly resumedAt: string },
) =>
  given(
    ...accepted
      .step(
        { type: 'SuspendCase', actor: windowClerk, ...suspension, applicantNotifiedAt: suspendedAt },
        suspendedAt,
      )
      .events(),
  )
    .at(resumedAt)
    .when({ type: 'ResumeCase', actor: windowClerk, suspensionNo: 1 });
const deadlineOf = (given: CaseEvent[]): string | undefined =>
  given.find((e) => e.type === 'ApplicationAccepted')?.data &&
  (given.find((e) => e.type === 'ApplicationAccepted') as Extract<CaseEvent, { type: 'ApplicationAccepted' }>)
    .data.deadline;

describe('deadlines (时限)', () => {
  it('T1, T4: given acceptance Tuesday 2025-09-30 10:00 with limit 5, then due 2025-10-14 17:30 across National Day', () => {
    expect(deadlineOf(acceptedCase('2025-09-30T10:00:00+08:00', withLimit(5)))).toBe(
      '2025-10-14T17:30:00+08:00',
    );
  });

  it('T2, T4: given acceptance Friday 2026-02-13 with limit 3, then due Wednesday 2026-02-25 17:30 (Saturday 02-14 is worked)', () => {
    expect(deadlineOf(acceptedCase('2026-02-13T10:00:00+08:00', withLimit(3)))).toBe(
      '2026-02-25T17:30:00+08:00',
    );
  });

  it('T3: given an immediate matter accepted at 11:50, then it is due at 14:50, across the lunch break', () => {
    const accepted = acceptedCase('2026-03-04T11:50:00+08:00', immediateMatter);
    expect(accepted[2]).toMatchObject({
      data: { kind: 'immediate', limitMinutes: 30, deadline: '2026-03-04T14:50:00+08:00' },
    });
  });

  it('T2: given acceptance 2026-12-28 with limit 5, then the deadline reaches uncovered 2027, is counted on weekdays and marked provisional', () => {
    const accepted = acceptedCase('2026-12-28T10:00:00+08:00', withLimit(5));
    expect(accepted[2]).toMatchObject({ data: { deadline: '2027-01-04T17:30:00+08:00', provisional: true } });
    expect(clock.calendar.covers(2027)).toBe(false);
  });

  it('T2, T9: given a published 2027 notice, then the same acceptance is no longer provisional and names the new calendar version', () => {
    const with2027 = createWorkingCalendar([
      {
        year: 2027,
        source: '国务院办公厅关于2027年部分节假日安排的通知(测试数据)',
        holidays: ['2027-01-01'],
        workdays: [],
      },
    ]);
    const matter = withLimit(5);
    const received = aCase().at('2026-12-28T08:00:00+08:00').registered().applied(matter);
    given(...received.events())
      .at('2026-12-28T10:00:00+08:00', { clock: { calendar: with2027, hours: clock.hours } })
      .when({ type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-1' })
      .then({
        type: 'ApplicationAccepted',
        data: {
          deadline: '2027-01-05T17:30:00+08:00',
          provisional: false,
          calendarVersion: with2027.version,
        },
      });
    expect(with2027.version).not.toBe(clock.calendar.version);
  });

  it('T5: given a matter whose promised limit exceeds the statutory one, then T5_PROMISED_LIMIT_EXCEEDS_STATUTORY', () => {
    const refused = defineMatter(
      {
        code: 'M-9',
        name: '测试事项',
        departmentId: 'dept-market',
        kind: 'promised',
        promisedLimitDays: 25,
        requiredMaterials: [],
      },
      admin,
      '2026-03-01T09:00:00+08:00',
    );
    expect(refused).toMatchObject({ code: 'T5_PROMISED_LIMIT_EXCEEDS_STATUTORY' });
    const joint = defineMatter(
      {
        code: 'M-10',
        name: '联合办理事项',
        departmentId: 'dept-market',
        kind: 'promised',
        promisedLimitDays: 30,
        joint: true,
        requiredMaterials: [],
      },
      admin,
      '2026-03-01T09:00:00+08:00',
    );
    expect(joint).toMatchObject({ data: { statutoryLimitDays: 45, maxExtensionDays: 15 } });
  });

  it('T6: given a case due Monday 03-09 17:30, when suspended Friday 16:00 and resumed Monday 09:30, then only 150 office minutes move the deadline', () => {
    resumingAfter(
      acceptedAt('2026-03-02T10:00:00+08:00', withLimit(5)),
      { suspensionType: 'expert_review', expectedDays: 5, reason: '组织专家评审' },
      { suspendedAt: '2026-03-06T16:00:00+08:00', resumedAt: '2026-03-09T09:30:00+08:00' },
    ).then({
      type: 'CaseResumed',
      data: {
        suspendedOfficeMinutes: 150,
        previousDeadline: '2026-03-09T17:30:00+08:00',
        deadline: '2026-03-10T11:00:00+08:00',
      },
    });
  });

  it('T6: given an accepted case, when suspended without telling the applicant, then T6_SUSPENSION_INCOMPLETE', () => {
    given(...acceptedCase('2026-03-02T10:00:00+08:00'))
      .at('2026-03-03T10:00:00+08:00')
      .when({
        type: 'SuspendCase',
        actor: windowClerk,
        suspensionType: 'hearing',
        expectedDays: 5,
        reason: '听证',
        applicantNotifiedAt: '',
      })
      .thenRefuses('T6_SUSPENSION_INCOMPLETE');
  });

  it('T6: given a suspension over the Qingming holiday, then the pause counts only the office time inside it', () => {
    // 2026-04-03 (Fri) 17:00 → 2026-04-07 (Tue) 09:00: Qingming 04-04…04-06 are days off.
    resumingAfter(
      acceptedAt('2026-04-01T10:00:00+08:00', withLimit(10)),
      { suspensionType: 'inspection', expectedDays: 5, reason: '现场勘查' },
      { suspendedAt: '2026-04-03T17:00:00+08:00', resumedAt: '2026-04-07T09:00:00+08:00' },
    ).then({ type: 'CaseResumed', data: { suspendedOfficeMinutes: 60 } });
  });

  const extension = (days: number) =>
    ({
      type: 'GrantExtension',
      actor: approver,
      days,
      reason: '需补充现场核查',
      applicantNotifiedAt: '2025-09-26T10:00:00+08:00',
      channel: 'sms',
    }) as const;

  it('T7: given a case due Sunday 2025-09-28 (a worked Sunday), when extended by 3 days, then the deadline crosses National Day to 2025-10-09 17:30', () => {
    const accepted = acceptedCase('2025-09-22T10:00:00+08:00', withLimit(5));
    expect(deadlineOf(accepted)).toBe('2025-09-28T17:30:00+08:00');
    given(...accepted)
      .at('2025-09-26T10:00:00+08:00')
      .when(extension(3))
      .then({
        type: 'ExtensionGranted',
        data: { previousDeadline: '2025-09-28T17:30:00+08:00', deadline: '2025-10-09T17:30:00+08:00' },
      });
  });

  it('T7: given an extended case, when extended again, then T7_SECOND_EXTENSION', () => {
    const once = acceptedAt('2025-09-22T10:00:00+08:00', withLimit(5)).step(
      extension(3),
      '2025-09-26T10:00:00+08:00',
    );
    given(...once.events())
      .at('2025-09-26T11:00:00+08:00')
      .when(extension(2))
      .thenRefuses('T7_SECOND_EXTENSION');
  });

  it('T7: given a passed deadline, when an extension is asked, then T7_EXTENSION_AFTER_DEADLINE', () => {
    given(...acceptedCase('2025-09-22T10:00:00+08:00', withLimit(5)))
      .at('2025-09-29T09:00:00+08:00')
      .when(extension(3))
      .thenRefuses('T7_EXTENSION_AFTER_DEADLINE');
  });

  it('T7: given a matter allowing 10 days, when 11 are asked, then T7_EXTENSION_TOO_LONG; a window clerk may not extend at all', () => {
    const friday = given(...acceptedCase('2025-09-22T10:00:00+08:00', withLimit(5))).at(
      '2025-09-26T10:00:00+08:00',
    );
    friday.when(extension(11)).thenRefuses('T7_EXTENSION_TOO_LONG');
    friday.when({ ...extension(3), actor: windowClerk }).thenRefuses('ROLE_NOT_ALLOWED');
  });

  it('T7: given an extension without telling the applicant, then T7_EXTENSION_INCOMPLETE', () => {
    given(...acceptedCase('2025-09-22T10:00:00+08:00', withLimit(5)))
      .at('2025-09-26T10:00:00+08:00')
      .when({ ...extension(3), applicantNotifiedAt: '' })
      .thenRefuses('T7_EXTENSION_INCOMPLETE');
  });

  it('T8: given an escalated matter, then its clock runs as for a promised case', () => {
    const escalated = { ...promisedMatter, code: 'M-3', kind: 'escalated' as const };
    expect(deadlineOf(acceptedCase('2025-09-30T10:00:00+08:00', escalated))).toBe(
      '2025-10-14T17:30:00+08:00',
    );
  });

  it('T9: given an acceptance, then the deadline is stored with the calendar and policy versions that set it', () => {
    const accepted = acceptedAt('2026-03-02T10:00:00+08:00');
    expect(accepted.events()[2]).toMatchObject({
      data: { calendarVersion: clock.calendar.version, policyVersion: 'default-2026.1' },
    });
    expect(accepted.state().deadline).toBeDefined();
  });

  it('T11: given acceptance on a Saturday that is a day off, then the starting day is not counted and the 1st working day is Monday', () => {
    const accepted = acceptedCase('2026-03-07T10:00:00+08:00', withLimit(1));
    expect(deadlineOf(accepted)).toBe('2026-03-09T17:30:00+08:00');
  });

  it('T4: given a completion after the deadline, then it is recorded as late with the office minutes overdue', () => {
    given(...acceptedCase('2026-03-02T10:00:00+08:00'))
      .at('2026-03-10T09:30:00+08:00')
      .when({ type: 'CompleteCase', actor: windowClerk, outcome: 'approved', decisionNo: 'JD-1' })
      .then({ type: 'CaseCompleted', data: { onTime: false, overdueMinutes: 60 } });
  });
});

describe('telling the applicant (T6, T7)', () => {
  it('T6: given an application received Monday 10:00, when a suspension says the applicant was told before receipt or in the future, then it is refused', () => {
    const tuesday = given(...acceptedCase('2026-03-02T10:00:00+08:00')).at('2026-03-03T10:00:00+08:00');
    const suspend = {
      type: 'SuspendCase',
      actor: windowClerk,
      suspensionType: 'hearing',
      expectedDays: 5,
      reason: '听证',
    } as const;
    tuesday
      .when({ ...suspend, applicantNotifiedAt: '2026-03-01T10:00:00+08:00' })
      .thenRefuses('T6_NOTIFIED_BEFORE_RECEIPT');
    tuesday
      .when({ ...suspend, applicantNotifiedAt: '2026-03-04T10:00:00+08:00' })
      .thenRefuses('U2_OCCURRED_IN_FUTURE', { field: 'applicantNotifiedAt' });
  });
});
