import { events, guide, history, otherWindow, stateOf, when, windowClerk } from './given-when-then.js';
import type { CaseEvent } from '../case-events.js';
import type { RegisterInquiry } from '../case-commands.js';

const register: RegisterInquiry = {
  type: 'RegisterInquiry',
  actor: guide,
  caseId: 'case-7',
  centerId: 'center-1',
  channel: 'window',
  applicant: { kind: 'person', name: '李四', phone: '13912345678' },
  question: '营业执照遗失怎么补办？',
};
const now = '2026-03-02T09:00:00+08:00';

describe('first inquiry (首问负责)', () => {
  it('F1, U1: given nothing, when a guide registers an inquiry, then the guide is recorded as first responder with who and when', () => {
    const [e] = events(when([], register, { now }));
    expect(e).toMatchObject({
      type: 'InquiryRegistered',
      schemaVersion: 1,
      occurredAt: '2026-03-02T09:00:00+08:00',
      actor: guide,
      data: { caseId: 'case-7', firstResponder: guide },
    });
  });

  it('F1: given an inquiry, when someone other than the first responder answers, then F1_NOT_FIRST_RESPONDER', () => {
    const given = history([[register, { now }]]);
    expect(
      when(given, { type: 'AnswerInquiry', actor: windowClerk, answer: '请到3号窗口' }, { now }),
    ).toMatchObject({
      code: 'F1_NOT_FIRST_RESPONDER',
      category: 'forbidden',
    });
  });

  it('F1: given an inquiry, when the first responder answers, then the inquiry is answered and closed', () => {
    const given = history([[register, { now }]]);
    const answered = events(
      when(given, { type: 'AnswerInquiry', actor: guide, answer: '请携带身份证到3号窗口' }, { now }),
    );
    expect(stateOf([...given, ...answered]).status).toBe('answered');
  });

  it('F2: given an inquiry, when the first responder refers without a contact phone, then F2_REFERRAL_WITHOUT_HANDLER', () => {
    const given = history([[register, { now }]]);
    const refused = when(
      given,
      {
        type: 'ReferInquiry',
        actor: guide,
        toDepartmentId: 'dept-market',
        handlerName: '王芳',
        handlerPhone: ' ',
      },
      { now },
    );
    expect(refused).toMatchObject({ code: 'F2_REFERRAL_WITHOUT_HANDLER', field: 'handlerPhone' });
  });

  it('F2, F3: given an inquiry, when referred to a named handler, then the follow-up falls due 3 working days later', () => {
    const given = history([[register, { now }]]);
    const [e] = events(
      when(
        given,
        {
          type: 'ReferInquiry',
          actor: guide,
          toDepartmentId: 'dept-market',
          handlerName: '王芳',
          handlerPhone: '0517-1234567',
        },
        { now },
      ),
    );
    expect(e).toMatchObject({
      type: 'InquiryReferred',
      data: { handlerName: '王芳', followUpDueAt: '2026-03-05T17:30:00+08:00' },
    });
  });

  it('F3: given a referral open after 3 working days, when supervision checks, then a follow-up warning goes to the first responder once', () => {
    const given: CaseEvent[] = history([
      [register, { now }],
      [
        {
          type: 'ReferInquiry',
          actor: guide,
          toDepartmentId: 'dept-market',
          handlerName: '王芳',
          handlerPhone: '0517-1234567',
        },
        { now },
      ],
    ]);
    const check = {
      type: 'RunSupervisionCheck',
      actor: { id: 'system:supervision', name: '电子监察系统', role: 'system' },
    } as const;
    expect(events(when(given, check, { now: '2026-03-05T17:30:00+08:00' }))).toEqual([]);
    const warned = events(when(given, check, { now: '2026-03-05T17:31:00+08:00' }));
    expect(warned).toMatchObject([
      { type: 'ReferralFollowUpWarningIssued', data: { firstResponderId: guide.id } },
    ]);
    expect(events(when([...given, ...warned], check, { now: '2026-03-06T10:00:00+08:00' }))).toEqual([]);
  });

  it('F3: given a referral, when the referred department answers, then the referral is closed and no warning follows', () => {
    const given = history([
      [register, { now }],
      [
        {
          type: 'ReferInquiry',
          actor: guide,
          toDepartmentId: 'dept-tax',
          handlerName: '赵强',
          handlerPhone: '0517-7654321',
        },
        { now },
      ],
      [
        { type: 'AnswerInquiry', actor: otherWindow, answer: '已电话答复' },
        { now: '2026-03-03T10:00:00+08:00' },
      ],
    ]);
    expect(stateOf(given).referral?.closedAt).toBeDefined();
  });
});
