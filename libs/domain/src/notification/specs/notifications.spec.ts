import type { CaseEvent } from '../../case/case-events.js';
import { aCase, anAcceptedCase, guide, stateOf } from '../../testing/index.js';
import { caseFactsOf } from '../case-facts.js';
import { NOTIFICATION_KINDS, type NotificationContent } from '../notification.js';
import { notificationsOf } from '../notifications-of.js';

// A 5-day case accepted Monday 2026-03-02 (by 窗口王芳 of dept-market, win-3) is due Monday 2026-03-09 17:30.
const accepted = (): CaseEvent[] => anAcceptedCase('2026-03-02T10:00:00+08:00').events();
const supervise = (given: CaseEvent[], now: string): CaseEvent[] =>
  aCase('case-1', given).supervised(now).events();

/** Then: the notifications of each event after `given`, each from the case's facts as of its event. */
function notificationsAfter(given: readonly CaseEvent[], all: readonly CaseEvent[]): NotificationContent[] {
  const out: NotificationContent[] = [];
  for (let i = given.length; i < all.length; i++) {
    const facts = caseFactsOf(stateOf(all.slice(0, i + 1)))!;
    out.push(...notificationsOf(all[i]!, facts));
  }
  return out;
}

const warned = (): CaseEvent[] => supervise(accepted(), '2026-03-06T17:30:00+08:00');
const yellow = (): CaseEvent[] => supervise(warned(), '2026-03-09T17:31:00+08:00');
const redByExplanation = (): CaseEvent[] => supervise(yellow(), '2026-03-11T17:31:00+08:00');

function referredAndOverdue(): CaseEvent[] {
  return aCase('case-2')
    .at('2026-03-02T10:00:00+08:00')
    .step({
      type: 'RegisterInquiry',
      actor: guide,
      caseId: 'case-2',
      centerId: 'center-1',
      channel: 'window',
      applicant: { kind: 'person', name: '李四', idNumber: '320102198805061234', phone: '13912345678' },
      question: '办理营业执照需要什么材料？',
    })
    .step({
      type: 'ReferInquiry',
      actor: guide,
      toDepartmentId: 'dept-market',
      handlerName: '王芳',
      handlerPhone: '0517-1234567',
    })
    .supervised('2026-03-05T17:31:00+08:00')
    .events();
}

describe('notification recipients (E1)', () => {
  it('E1: given a case whose warning falls due, when the warning is issued, then it goes to the handling window', () => {
    expect(notificationsAfter(accepted(), warned())).toEqual([
      {
        kind: 'warning',
        caseId: 'case-1',
        centerId: 'center-1',
        departmentId: 'dept-market',
        windowId: 'win-3',
        level: 'warning',
        cardId: 'warning-202603091730',
        deadline: '2026-03-09T17:30:00+08:00',
        recipients: [{ role: 'window' }],
        occurredAt: '2026-03-06T17:30:00+08:00',
      },
    ]);
  });

  it("E1: given an overdue case, when a yellow card is issued, then it goes to the window and the department's approvers with the explanation's due time (C5)", () => {
    expect(notificationsAfter(warned(), yellow())).toMatchObject([
      {
        kind: 'yellow',
        level: 'yellow',
        departmentId: 'dept-market',
        dueAt: '2026-03-11T17:30:00+08:00',
        recipients: [{ role: 'window' }, { role: 'approver' }],
      },
    ]);
  });

  it("E1: given a yellow card unexplained for 2 working days, then the red card also reaches the center's supervisors and the auditors, and the explanation falling due (C5) reaches the department", () => {
    expect(notificationsAfter(yellow(), redByExplanation())).toMatchObject([
      {
        kind: 'red',
        level: 'red',
        recipients: [{ role: 'window' }, { role: 'approver' }, { role: 'supervisor' }, { role: 'auditor' }],
      },
      {
        kind: 'explanation_due',
        cardId: 'yellow-202603091730',
        departmentId: 'dept-market',
        dueAt: '2026-03-11T17:30:00+08:00',
        recipients: [{ role: 'window' }, { role: 'approver' }],
      },
    ]);
  });

  it('E1, F3: given a referral open after 3 working days, when the follow-up warning is issued, then it goes to the first responder alone', () => {
    const all = referredAndOverdue();
    expect(notificationsAfter(all.slice(0, -1), all)).toEqual([
      {
        kind: 'referral_followup',
        caseId: 'case-2',
        centerId: 'center-1',
        departmentId: 'dept-service',
        windowId: null,
        dueAt: '2026-03-05T17:30:00+08:00',
        recipients: [{ role: 'guide', staffId: guide.id }],
        occurredAt: '2026-03-05T17:31:00+08:00',
      },
    ]);
  });

  it('E1: given any other step of a case, then it notifies nobody', () => {
    const all = accepted();
    expect(notificationsAfter([], all)).toEqual([]);
  });
});

describe('no personal data in notifications (E3)', () => {
  const cases = [
    ...notificationsAfter([], redByExplanation()),
    ...notificationsAfter([], referredAndOverdue()),
  ];
  const personal = ['张三', '110101199003071234', '13800138000', '李四', '320102198805061234', '13912345678'];
  const staffNames = ['窗口王芳', '导办员小李', '王芳', '0517-1234567'];

  it('E3: the cases behind these notifications give rise to every kind', () => {
    expect([...new Set(cases.map((n) => n.kind))].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it.each(NOTIFICATION_KINDS)(
    "E3: a '%s' notification carries ids, codes, levels and deadlines, never the applicant's name, id number or phone",
    (kind) => {
      const of = cases.filter((n) => n.kind === kind);
      expect(of.length).toBeGreaterThan(0);
      for (const n of of) {
        const text = JSON.stringify(n);
        for (const value of [...personal, ...staffNames]) expect(text).not.toContain(value);
        expect(Object.keys(n).sort()).toEqual(
          expect.arrayContaining(['caseId', 'centerId', 'kind', 'occurredAt', 'recipients']),
        );
        for (const key of Object.keys(n))
          expect([
            'kind',
            'caseId',
            'centerId',
            'departmentId',
            'windowId',
            'level',
            'cardId',
            'deadline',
            'dueAt',
            'recipients',
            'occurredAt',
          ]).toContain(key);
      }
    },
  );
});
