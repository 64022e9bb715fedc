import { maskApplicant, maskIdentifier } from '../../privacy/mask-applicant.js';
import { serviceStatistics } from '../../statistics/service-statistics.js';
import { parseInstant } from '../../calendar/index.js';
import type { Actor } from '../../actor/actor.js';
import type { CaseCommand } from '../case-commands.js';
import type { CaseEvent } from '../case-events.js';
import { foldCase } from '../evolve.js';
import { initialState } from '../case-state.js';
import {
  aCase,
  anAcceptedCase,
  approver,
  at,
  auditor,
  clock,
  given,
  guide,
  immediateMatter,
  otherWindow,
  proxy,
  windowClerk,
  approval as approve,
} from '../../testing/index.js';

const now = '2026-03-03T10:00:00+08:00';
const accepted = (caseId = 'case-1') => anAcceptedCase('2026-03-02T10:00:00+08:00', undefined, caseId);
/** The case accepted Monday 03-02 10:00, on Tuesday 10:00. */
const onTuesday = () => given(...accepted().events()).at(now);
/** An application a proxy registered and handed in for an immediate matter. */
const byProxy = () =>
  aCase('c-p')
    .at(now)
    .step({
      type: 'RegisterInquiry',
      actor: proxy,
      caseId: 'c-p',
      centerId: 'center-1',
      channel: 'window',
      applicant: { kind: 'person', name: '王五' },
      question: '代办',
    })
    .step(
      {
        type: 'SubmitApplication',
        actor: proxy,
        matterCode: immediateMatter.code,
        materials: [{ code: 'id' }],
      },
      { now, matter: immediateMatter },
    );

describe('audit (审计) and access', () => {
  it('U2: given a step dated more than 10 minutes ago, when no lateEntryReason is given, then U2_LATE_ENTRY_REASON_REQUIRED', () => {
    const complete = { ...approve, occurredAt: '2026-03-03T09:30:00+08:00' } as const;
    onTuesday().when(complete).thenRefuses('U2_LATE_ENTRY_REASON_REQUIRED', { field: 'lateEntryReason' });
    onTuesday()
      .when({ ...complete, lateEntryReason: '系统故障，线下办结后补录' })
      .then({
        type: 'CaseCompleted',
        occurredAt: '2026-03-03T09:30:00+08:00',
        data: { lateEntryReason: '系统故障，线下办结后补录' },
      });
  });

  it('U2: given a step dated in the future or before the previous step, then it is refused', () => {
    onTuesday()
      .when({ ...approve, occurredAt: '2026-03-03T12:00:00+08:00' })
      .thenRefuses('U2_OCCURRED_IN_FUTURE');
    onTuesday()
      .when({ ...approve, occurredAt: '2026-03-01T12:00:00+08:00', lateEntryReason: '补录' })
      .thenRefuses('U2_OCCURRED_BEFORE_PREVIOUS_STEP');
    onTuesday()
      .when({ ...approve, occurredAt: 'yesterday' })
      .thenRefuses('VALIDATION_FAILED', { field: 'occurredAt' });
  });

  it('U4: given a case history, then its state at any past instant is rebuilt from the events up to that instant alone', () => {
    const done = accepted().step(approve, '2026-03-05T10:00:00+08:00').events();
    const asOf = (iso: string) =>
      foldCase(
        done.filter((e: CaseEvent) => parseInstant(e.occurredAt) <= at(iso)),
        initialState,
      );
    expect(asOf('2026-03-01T00:00:00+08:00').status).toBe('none');
    expect(asOf('2026-03-04T00:00:00+08:00').status).toBe('accepted');
    expect(asOf('2026-03-06T00:00:00+08:00').status).toBe('decided'); // T12: an approval awaits delivery
  });

  it('ROLE_NOT_ALLOWED: given any case, auditors never record a step, and a guide cannot accept', () => {
    const received = given(...aCase().at('2026-03-02T10:00:00+08:00').registered().applied().events()).at(
      now,
    );
    received
      .when({ type: 'AcceptApplication', actor: auditor, receiptNo: 'SL-1' })
      .thenRefuses('ROLE_NOT_ALLOWED');
    received
      .when({ type: 'AcceptApplication', actor: guide, receiptNo: 'SL-1' })
      .thenRefuses('ROLE_NOT_ALLOWED');
  });

  it('R1: given a case of dept-market, a window of another department or center may not act on it (the case is not found for it); a proxy only on its own cases', () => {
    onTuesday()
      .when({ ...approve, actor: otherWindow })
      .thenRefuses('CASE_NOT_FOUND');
    const elsewhere = { ...windowClerk, centerId: 'center-2' };
    onTuesday()
      .when({ ...approve, actor: elsewhere })
      .thenRefuses('CASE_NOT_FOUND');
    expect(onTuesday().when({ ...approve, actor: approver }).decision).not.toHaveProperty('code');
    const proxied = byProxy();
    expect(proxied.state().proxyId).toBe(proxy.id);
    given(...proxied.events())
      .at(now)
      .when({ type: 'WithdrawCase', actor: { ...proxy, id: 'u-proxy-2' }, reason: '申请人撤回' })
      .thenRefuses('CASE_NOT_FOUND');
    // R1: a case no proxy submitted (proxyId absent) is no proxy's to act on either.
    const commands: CaseCommand[] = [
      { type: 'WithdrawCase', actor: proxy, reason: '申请人撤回' },
      {
        type: 'FileComplaint',
        actor: proxy,
        complaintId: 'c-1',
        channel: '现场',
        subject: { kind: 'case' },
        content: '投诉',
      },
      { type: 'SubmitEvaluation', actor: proxy, score: 1 },
    ];
    for (const command of commands) onTuesday().when(command).thenRefuses('CASE_NOT_FOUND');
    expect(
      given(...proxied.events())
        .at(now)
        .when({ type: 'WithdrawCase', actor: proxy, reason: '申请人撤回' }).decision,
    ).not.toHaveProperty('code');
  });

  it('I1: given an applicant, then every view but the auditors’ shows the ID number and phone masked', () => {
    expect(
      maskApplicant({ kind: 'person', name: '张三丰', idNumber: '110101199003071234', phone: '13800138000' }),
    ).toEqual({
      kind: 'person',
      name: '张**',
      idNumber: '110************234',
      phone: '1********00',
    });
    expect(maskApplicant({ kind: 'company', name: '淮安市某餐饮有限公司' }).name).toBe(
      '淮安市某餐饮有限公司',
    );
  });

  it('I1: given short identifiers, then the mask shows at most the first 3 and last 4 characters and at most a third of them', () => {
    expect(maskIdentifier('A123456')).toBe('A*****6');
    expect(maskIdentifier('1380013')).toBe('1*****3');
    expect(maskIdentifier('12')).toBe('**');
    expect(maskIdentifier('身份证号码一二三四五')).toBe('身*******四五');
    for (const length of [1, 2, 3, 5, 7, 8, 11, 15, 18, 24, 40]) {
      const value = 'x'.repeat(length);
      const shown = [...maskIdentifier(value)].filter((c) => c !== '*').length;
      expect(shown).toBeLessThanOrEqual(Math.min(7, Math.floor(length / 3)));
    }
  });

  it('S1: given cases of a period, then the window figures count received, accepted, completed on time and the on-time rate', () => {
    const doneOnTime = accepted('c-1').step({ ...approve, decisionNo: 'JD-1' }, '2026-03-04T10:00:00+08:00');
    const doneLate = accepted('c-2').step({ ...approve, decisionNo: 'JD-2' }, '2026-03-10T10:00:00+08:00');
    const evaluated = accepted('c-3').step(
      { type: 'SubmitEvaluation', actor: guide, score: 5 },
      '2026-03-03T10:00:00+08:00',
    );
    const s = serviceStatistics(
      [doneOnTime.state(), doneLate.state(), evaluated.state()],
      clock,
      at('2026-03-01T00:00:00+08:00'),
      at('2026-04-01T00:00:00+08:00'),
      at('2026-03-20T10:00:00+08:00'),
    );
    expect(s).toMatchObject({
      received: 3,
      accepted: 3,
      completed: 2,
      completedOnTime: 1,
      onTimeRate: 0.5,
      overdueNow: 1,
      evaluations: 1,
      satisfactionRate: 1,
    });
    // c-1: 03-02 10:00 → 03-04 10:00 is 2 office days of 420 minutes; c-2: 03-02 10:00 → 03-10 10:00 is 6.
    expect(s.averageWorkingDaysToComplete).toBeCloseTo(4, 5);
  });
});

describe('reading a case (who sees what)', () => {
  it('I1, U3: auditors read everything; supervisors read events; a window of another department reads nothing of the case', async () => {
    const { mayRead } = await import('../may-read.js');
    const state = accepted().state();
    expect(mayRead(auditor, state, 'integrity')).toBeUndefined();
    expect(mayRead(windowClerk, state, 'view')).toBeUndefined();
    expect(mayRead(windowClerk, state, 'events')).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(mayRead(otherWindow, state, 'view')).toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(mayRead(proxy, state, 'view')).toMatchObject({ code: 'CASE_NOT_FOUND' });
    // R1: a token lacking its role's scope claim reads nothing.
    const noCenter: Actor = { id: 'u-super', name: '督查刘洋', role: 'supervisor' };
    expect(mayRead(noCenter, state, 'view')).toMatchObject({ code: 'CASE_NOT_FOUND' });
  });

  it('A2: given a proxy’s application accepted by a window, then the case carries that window for cards and ledgers', () => {
    const acceptedByWindow = byProxy().step({
      type: 'AcceptApplication',
      actor: windowClerk,
      receiptNo: 'SL-7',
    });
    expect(acceptedByWindow.state().windowId).toBe('win-3');
  });
});
