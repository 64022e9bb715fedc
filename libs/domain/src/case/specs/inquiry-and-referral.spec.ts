import type { ReferInquiry, RegisterInquiry } from '../case-commands.js';
import { aCase, given, guide, otherWindow, windowClerk } from '../../testing/index.js';

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
const inquiry = () => aCase('case-7').at(now).step(register);
const refer = (to: Partial<ReferInquiry> = {}): ReferInquiry => ({
  type: 'ReferInquiry',
  actor: guide,
  toDepartmentId: 'dept-market',
  handlerName: '王芳',
  handlerPhone: '0517-1234567',
  ...to,
});

describe('first inquiry (首问负责)', () => {
  it('F1, U1: given nothing, when a guide registers an inquiry, then the guide is recorded as first responder with who and when', () => {
    given()
      .at(now)
      .when(register)
      .then({
        type: 'InquiryRegistered',
        schemaVersion: 1,
        occurredAt: '2026-03-02T09:00:00+08:00',
        actor: guide,
        data: { caseId: 'case-7', firstResponder: guide },
      });
  });

  it('F1: given an inquiry, when someone other than the first responder answers, then F1_NOT_FIRST_RESPONDER', () => {
    given(...inquiry().events())
      .at(now)
      .when({ type: 'AnswerInquiry', actor: windowClerk, answer: '请到3号窗口' })
      .thenRefuses('F1_NOT_FIRST_RESPONDER', { category: 'forbidden' });
  });

  it('F1: given an inquiry, when the first responder answers, then the inquiry is answered and closed', () => {
    const answered = given(...inquiry().events())
      .at(now)
      .when({ type: 'AnswerInquiry', actor: guide, answer: '请携带身份证到3号窗口' });
    expect(answered.state().status).toBe('answered');
  });

  it('F2: given an inquiry, when the first responder refers without a contact phone, then F2_REFERRAL_WITHOUT_HANDLER', () => {
    given(...inquiry().events())
      .at(now)
      .when(refer({ handlerPhone: ' ' }))
      .thenRefuses('F2_REFERRAL_WITHOUT_HANDLER', { field: 'handlerPhone' });
  });

  it('F2, F3: given an inquiry, when referred to a named handler, then the follow-up falls due 3 working days later', () => {
    given(...inquiry().events())
      .at(now)
      .when(refer())
      .then({
        type: 'InquiryReferred',
        data: { handlerName: '王芳', followUpDueAt: '2026-03-05T17:30:00+08:00' },
      });
  });

  it('F3: given a referral open after 3 working days, when supervision checks, then a follow-up warning goes to the first responder once', () => {
    const referred = inquiry().step(refer()).events();
    const check = {
      type: 'RunSupervisionCheck',
      actor: { id: 'system:supervision', name: '电子监察系统', role: 'system' },
    } as const;
    given(...referred)
      .at('2026-03-05T17:30:00+08:00')
      .when(check)
      .then();
    const warned = given(...referred)
      .at('2026-03-05T17:31:00+08:00')
      .when(check);
    warned.then({ type: 'ReferralFollowUpWarningIssued', data: { firstResponderId: guide.id } });
    given(...warned.history())
      .at('2026-03-06T10:00:00+08:00')
      .when(check)
      .then();
  });

  it('F3: given a referral, when the referred department answers, then the referral is closed and no warning follows', () => {
    const answered = inquiry()
      .step(refer({ toDepartmentId: 'dept-tax', handlerName: '赵强', handlerPhone: '0517-7654321' }))
      .step({ type: 'AnswerInquiry', actor: otherWindow, answer: '已电话答复' }, '2026-03-03T10:00:00+08:00');
    expect(answered.state().referral?.closedAt).toBeDefined();
  });
});
