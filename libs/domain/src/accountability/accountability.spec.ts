import type { CaseEvent } from '../case/case-events.js';
import {
  acceptedCase,
  approver,
  events,
  guide,
  supervisor,
  system,
  when,
  windowClerk,
} from '../case/specs/given-when-then.js';
import { detectViolations, type RecordedCaseEvent } from './detect-violations.js';
import { DEFAULT_DEDUCTIONS, quarterOf, windowLedger } from './window-ledger.js';

/** Records events as a store would: ids, and recordedAt equal to occurredAt unless told otherwise. */
const record = (es: readonly CaseEvent[], recordedAt: Record<number, string> = {}): RecordedCaseEvent[] =>
  es.map((e, i) => ({ ...e, eventId: `ev-${i}`, recordedAt: recordedAt[i] ?? e.occurredAt }));

const check = { type: 'RunSupervisionCheck', actor: system } as const;
const step = (given: CaseEvent[], now: string, cmd: Parameters<typeof when>[1] = check): CaseEvent[] => [
  ...given,
  ...events(when(given, cmd, { now })),
];

describe('accountability (责任追究)', () => {
  it('A1: given a case overdue to red, then OVERDUE and SERIOUSLY_OVERDUE are detected with staff, window, department and evidence', () => {
    const red = step(
      step(acceptedCase('2026-03-02T10:00:00+08:00'), '2026-03-09T18:00:00+08:00'),
      '2026-03-12T17:30:00+08:00',
    );
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
    const yellow = step(acceptedCase('2026-03-02T10:00:00+08:00'), '2026-03-09T18:00:00+08:00');
    const revoked = step(yellow, '2026-03-10T09:00:00+08:00', {
      type: 'RevokeCard',
      actor: supervisor,
      cardId: 'yellow-202603091730',
      reason: '系统误判',
    });
    expect(detectViolations(record(revoked)).map((v) => v.code)).not.toContain('OVERDUE');
  });

  it('A1, N2, N3, P3, U2: given a late notice, a repeated notice, a back-dated entry and a substantiated complaint, then each is detected with its rule', () => {
    const received = acceptedCase('2026-03-02T10:00:00+08:00').slice(0, 2);
    const notice = (no: string, code: string, only?: boolean) =>
      ({
        type: 'RequestSupplement',
        actor: windowClerk,
        noticeNo: no,
        items: [{ code, name: code, problem: 'nonconforming' }],
        ...(only && { onlyNewMaterials: true }),
      }) as const;
    let es = step(received, '2026-03-10T09:00:00+08:00', notice('BZ-1', 'lease'));
    es = step(es, '2026-03-10T10:00:00+08:00', {
      type: 'SubmitSupplement',
      actor: windowClerk,
      materials: [{ code: 'lease' }, { code: 'permit' }],
    });
    es = step(es, '2026-03-10T11:00:00+08:00', notice('BZ-2', 'permit', true));
    es = step(es, '2026-03-10T12:00:00+08:00', {
      type: 'SubmitSupplement',
      actor: windowClerk,
      materials: [{ code: 'lease' }],
    });
    es = step(es, '2026-03-10T14:40:00+08:00', {
      type: 'FileComplaint',
      actor: guide,
      complaintId: 'TS-1',
      channel: '电话',
      subject: { kind: 'window', id: 'win-3' },
      content: '一次性告知未落实',
    });
    es = step(es, '2026-03-11T09:00:00+08:00', {
      type: 'ConcludeComplaint',
      actor: supervisor,
      complaintId: 'TS-1',
      substantiated: true,
      reply: '属实',
    });
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
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    const extended = step(given, '2026-03-10T10:00:00+08:00', {
      type: 'GrantExtension',
      actor: approver,
      days: 3,
      reason: '需现场核查',
      applicantNotifiedAt: '2026-03-10T09:00:00+08:00',
      channel: 'phone',
      occurredAt: '2026-03-09T16:00:00+08:00',
      lateEntryReason: '审批系统故障，事后补录',
    });
    const codes = detectViolations(
      record(extended, { [extended.length - 1]: '2026-03-10T10:00:00+08:00' }),
    ).map((v) => v.code);
    expect(codes).toEqual(expect.arrayContaining(['EXTENSION_IRREGULAR', 'BACKDATED_ENTRY']));
  });

  it('A1: given a referral not followed and an explanation missing, then REFERRAL_NOT_FOLLOWED and EXPLANATION_MISSING (F3, C5)', () => {
    const inquiry = acceptedCase('2026-03-02T10:00:00+08:00').slice(0, 1);
    const referred = step(inquiry, '2026-03-02T10:05:00+08:00', {
      type: 'ReferInquiry',
      actor: windowClerk,
      toDepartmentId: 'dept-tax',
      handlerName: '赵强',
      handlerPhone: '0517-7654321',
    });
    const warned = step(referred, '2026-03-06T09:00:00+08:00');
    expect(detectViolations(record(warned)).map((v) => v.code)).toEqual(['REFERRAL_NOT_FOLLOWED']);
    const yellow = step(acceptedCase('2026-03-02T10:00:00+08:00'), '2026-03-09T18:00:00+08:00');
    const missing = step(yellow, '2026-03-11T17:31:00+08:00');
    expect(detectViolations(record(missing)).map((v) => v.code)).toEqual(
      expect.arrayContaining(['EXPLANATION_MISSING', 'OVERDUE', 'SERIOUSLY_OVERDUE']),
    );
  });

  it('A1: given the same events twice, then the same violation ids come out (stable for A3 actions)', () => {
    const red = record(step(acceptedCase('2026-03-02T10:00:00+08:00'), '2026-03-12T17:30:00+08:00'));
    expect(detectViolations(red).map((v) => v.violationId)).toEqual(
      detectViolations(red).map((v) => v.violationId),
    );
  });

  it('A2: given violations in a quarter, then the window starts at 100 and every deduction is explained', () => {
    const red = record(step(acceptedCase('2026-03-02T10:00:00+08:00'), '2026-03-12T17:30:00+08:00'));
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
    const red = step(acceptedCase('2026-03-02T10:00:00+08:00'), '2026-03-12T17:30:00+08:00');
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
    expect(events(when(red, act, { now: '2026-03-13T10:00:00+08:00' }))).toMatchObject([
      { type: 'AccountabilityActionRecorded', data: { violationId: ids[0], action: 'criticism' } },
    ]);
    expect(when(red, { ...act, violationId: 'nope' }, { now: '2026-03-13T10:00:00+08:00' })).toMatchObject({
      code: 'A3_VIOLATION_NOT_FOUND',
    });
    expect(when(red, { ...act, actor: windowClerk }, { now: '2026-03-13T10:00:00+08:00' })).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
    });
  });
});
