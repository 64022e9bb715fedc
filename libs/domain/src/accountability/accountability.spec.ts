import type { CaseEvent } from '../case/case-events.js';
import {
  aCase,
  anAcceptedCase,
  approver,
  given,
  guide,
  supervisor,
  windowClerk,
  type CaseHistory,
} from '../testing/index.js';
import { detectViolations, type RecordedCaseEvent } from './detect-violations.js';
import { DEFAULT_DEDUCTIONS, quarterOf, windowLedger } from './window-ledger.js';

/** Records events as a store would: ids, and recordedAt equal to occurredAt unless told otherwise. */
const record = (es: readonly CaseEvent[], recordedAt: Record<number, string> = {}): RecordedCaseEvent[] =>
  es.map((e, i) => ({ ...e, eventId: `ev-${i}`, recordedAt: recordedAt[i] ?? e.occurredAt }));

/** A 5-day case accepted Monday 2026-03-02 10:00 by 窗口王芳 (dept-market, win-3). */
const accepted = (): CaseHistory => anAcceptedCase('2026-03-02T10:00:00+08:00');

describe('accountability (责任追究)', () => {
  it('A1: given a case overdue to red, then OVERDUE and SERIOUSLY_OVERDUE are detected with staff, window, department and evidence', () => {
    const red = accepted()
      .supervised('2026-03-09T18:00:00+08:00')
      .supervised('2026-03-12T17:30:00+08:00')
      .events();
    const violations = detectViolations(record(red));
    const acceptedId = `ev-${red.findIndex((e) => e.type === 'ApplicationAccepted')}`;
    expect(violations.map((v) => v.code)).toEqual(expect.arrayContaining(['OVERDUE', 'SERIOUSLY_OVERDUE']));
    const overdue = violations.find((v) => v.code === 'OVERDUE')!;
    expect(overdue).toMatchObject({
      rule: 'C2',
      caseId: 'case-1',
      staffId: windowClerk.id,
      windowId: 'win-3',
      departmentId: 'dept-market',
      evidence: [acceptedId, `ev-${red.findIndex((e) => e.type === 'YellowCardIssued')}`],
    });
  });

  it('A1: given a revoked card, then it no longer counts as a violation (C4)', () => {
    const revoked = accepted()
      .supervised('2026-03-09T18:00:00+08:00')
      .step(
        { type: 'RevokeCard', actor: supervisor, cardId: 'yellow-202603091730', reason: '系统误判' },
        '2026-03-10T09:00:00+08:00',
      )
      .events();
    expect(detectViolations(record(revoked)).map((v) => v.code)).not.toContain('OVERDUE');
  });

  it('A1, N2, N3, P3, U2: given a late notice, a repeated notice, a back-dated entry and a substantiated complaint, then each is detected with its rule', () => {
    const received = aCase().at('2026-03-02T10:00:00+08:00').registered().applied();
    const notice = (no: string, code: string, only?: boolean) =>
      ({
        type: 'RequestSupplement',
        actor: windowClerk,
        noticeNo: no,
        items: [{ code, name: code, problem: 'nonconforming' }],
        ...(only && { onlyNewMaterials: true }),
      }) as const;
    const es = received
      .step(notice('BZ-1', 'lease'), '2026-03-10T09:00:00+08:00')
      .step(
        { type: 'SubmitSupplement', actor: windowClerk, materials: [{ code: 'lease' }, { code: 'permit' }] },
        '2026-03-10T10:00:00+08:00',
      )
      .step(notice('BZ-2', 'permit', true), '2026-03-10T11:00:00+08:00')
      .step(
        { type: 'SubmitSupplement', actor: windowClerk, materials: [{ code: 'lease' }] },
        '2026-03-10T12:00:00+08:00',
      )
      .step(
        {
          type: 'FileComplaint',
          actor: guide,
          complaintId: 'TS-1',
          channel: '电话',
          subject: { kind: 'window', id: 'win-3' },
          content: '一次性告知未落实',
        },
        '2026-03-10T14:40:00+08:00',
      )
      .step(
        {
          type: 'ConcludeComplaint',
          actor: supervisor,
          complaintId: 'TS-1',
          substantiated: true,
          reply: '属实',
        },
        '2026-03-11T09:00:00+08:00',
      )
      .events();
    const backdatedIndex = es.length - 1;
    const violations = detectViolations(record(es, { [backdatedIndex]: '2026-03-11T10:00:00+08:00' }));
    const codes = violations.map((v) => `${v.code}/${v.rule}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'LATE_NOTICE/N2',
        'REPEATED_NOTICE/N3',
        'COMPLAINT_SUBSTANTIATED/P3',
        'BACKDATED_ENTRY/U2',
      ]),
    );
    expect(violations.find((v) => v.code === 'COMPLAINT_SUBSTANTIATED')).toMatchObject({ windowId: 'win-3' });
    expect(violations.find((v) => v.code === 'BACKDATED_ENTRY')).toMatchObject({
      staffId: supervisor.id,
      evidence: [`ev-${backdatedIndex}`],
    });
  });

  it('A1: given an extension back-dated before the deadline but recorded after it, then EXTENSION_IRREGULAR (T7) and BACKDATED_ENTRY (U2)', () => {
    const extended = accepted()
      .step(
        {
          type: 'GrantExtension',
          actor: approver,
          days: 3,
          reason: '需现场核查',
          applicantNotifiedAt: '2026-03-10T09:00:00+08:00',
          channel: 'phone',
          occurredAt: '2026-03-09T16:00:00+08:00',
          lateEntryReason: '审批系统故障，事后补录',
        },
        '2026-03-10T10:00:00+08:00',
      )
      .events();
    const codes = detectViolations(
      record(extended, { [extended.length - 1]: '2026-03-10T10:00:00+08:00' }),
    ).map((v) => v.code);
    expect(codes).toEqual(expect.arrayContaining(['EXTENSION_IRREGULAR', 'BACKDATED_ENTRY']));
  });

  it('A1: given a referral not followed and an explanation missing, then REFERRAL_NOT_FOLLOWED and EXPLANATION_MISSING (F3, C5)', () => {
    const warned = aCase()
      .at('2026-03-02T10:00:00+08:00')
      .registered()
      .step(
        {
          type: 'ReferInquiry',
          actor: windowClerk,
          toDepartmentId: 'dept-tax',
          handlerName: '赵强',
          handlerPhone: '0517-7654321',
        },
        '2026-03-02T10:05:00+08:00',
      )
      .supervised('2026-03-06T09:00:00+08:00')
      .events();
    expect(detectViolations(record(warned)).map((v) => v.code)).toEqual(['REFERRAL_NOT_FOLLOWED']);
    const missing = accepted()
      .supervised('2026-03-09T18:00:00+08:00')
      .supervised('2026-03-11T17:31:00+08:00')
      .events();
    expect(detectViolations(record(missing)).map((v) => v.code)).toEqual(
      expect.arrayContaining(['EXPLANATION_MISSING', 'OVERDUE', 'SERIOUSLY_OVERDUE']),
    );
  });

  it('A1: given the same events twice, then the same violation ids come out (stable for A3 actions)', () => {
    const red = record(accepted().supervised('2026-03-12T17:30:00+08:00').events());
    expect(detectViolations(red).map((v) => v.violationId)).toEqual(
      detectViolations(red).map((v) => v.violationId),
    );
  });

  it('A2: given violations in a quarter, then the window starts at 100 and every deduction is explained', () => {
    const red = record(accepted().supervised('2026-03-12T17:30:00+08:00').events());
    const ledger = windowLedger(detectViolations(red), 'win-3', '2026Q1');
    expect(ledger.score).toBe(100 - DEFAULT_DEDUCTIONS.OVERDUE - DEFAULT_DEDUCTIONS.SERIOUSLY_OVERDUE);
    expect(ledger.violations.map((v) => [v.code, v.deduction])).toEqual([
      ['OVERDUE', 2],
      ['SERIOUSLY_OVERDUE', 5],
    ]);
    expect(windowLedger(detectViolations(red), 'win-3', '2026Q2').score).toBe(100);
    expect(
      windowLedger(detectViolations(red), 'win-3', '2026Q1', { ...DEFAULT_DEDUCTIONS, OVERDUE: 10 }).score,
    ).toBe(85);
    expect(quarterOf('2025-12-31T23:59:00+08:00')).toBe('2025Q4');
    expect(quarterOf('2025-12-31T16:30:00Z')).toBe('2026Q1');
  });

  it('A3: given a detected violation, when a supervisor records an action, then it is an event; an unknown violation is refused', () => {
    const red = accepted().supervised('2026-03-12T17:30:00+08:00').events();
    const ids = detectViolations(record(red)).map((v) => v.violationId);
    const act = {
      type: 'RecordAccountabilityAction',
      actor: supervisor,
      actionId: 'ZR-1',
      violationId: ids[0]!,
      action: 'criticism',
      note: '批评教育',
      knownViolationIds: ids,
    } as const;
    const next = given(...red).at('2026-03-13T10:00:00+08:00');
    next.when(act).then({
      type: 'AccountabilityActionRecorded',
      data: { violationId: ids[0], action: 'criticism' },
    });
    next.when({ ...act, violationId: 'nope' }).thenRefuses('A3_VIOLATION_NOT_FOUND');
    next.when({ ...act, actor: windowClerk }).thenRefuses('ROLE_NOT_ALLOWED');
  });
});
