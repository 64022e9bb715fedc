import type { CaseCommand } from '../case-commands.js';
import { aCase, given, promisedMatter, windowClerk, type CaseHistory } from '../../testing/index.js';

const received = '2026-03-02T10:00:00+08:00'; // Monday
const receivedCase = (): CaseHistory =>
  aCase('case-n')
    .at(received)
    .step({
      type: 'RegisterInquiry',
      actor: windowClerk,
      caseId: 'case-n',
      centerId: 'center-1',
      channel: 'window',
      applicant: { kind: 'company', name: '淮安市某餐饮有限公司' },
      question: '申请食品经营许可',
    })
    .step(
      { type: 'SubmitApplication', actor: windowClerk, matterCode: 'M-001', materials: [{ code: 'id' }] },
      { now: received, matter: promisedMatter },
    );
/** The received application, at the time of receipt. */
const onReceipt = () => given(...receivedCase().events()).at(received);

const notice = (noticeNo: string, codes: string[], onlyNewMaterials?: boolean): CaseCommand => ({
  type: 'RequestSupplement',
  actor: windowClerk,
  noticeNo,
  items: codes.map((code) => ({
    code,
    name: code === 'lease' ? '场地租赁合同' : '营业执照',
    problem: 'missing' as const,
  })),
  ...(onlyNewMaterials !== undefined && { onlyNewMaterials }),
});
const resubmit: CaseCommand = {
  type: 'SubmitSupplement',
  actor: windowClerk,
  materials: [{ code: 'lease' }],
};

describe('one-time notification (一次性告知)', () => {
  it('N1: given a received application, when a notice lists no items, then N1_NOTICE_WITHOUT_ITEMS', () => {
    onReceipt().when(notice('BZ-1', [])).thenRefuses('N1_NOTICE_WITHOUT_ITEMS');
  });

  it('N1, N2: given a received application, when a notice lists the missing materials on the spot, then it is recorded as in time', () => {
    onReceipt()
      .when(notice('BZ-1', ['lease']))
      .then({
        type: 'SupplementRequested',
        data: { noticeNo: 'BZ-1', sequence: 1, late: false, repeated: false },
      });
  });

  it('N2: given receipt on Monday 2026-03-02, then the notice is due at close of the 5th working day (Monday 03-09 17:30)', () => {
    expect(receivedCase().events()[1]).toMatchObject({ data: { noticeDueAt: '2026-03-09T17:30:00+08:00' } });
  });

  it('N2: given receipt on Monday, when the notice comes on the 6th working day, then it is late and the clock starts at receipt', () => {
    const late = receivedCase().step(notice('BZ-1', ['lease']), '2026-03-10T09:00:00+08:00');
    expect(late.events().at(-1)).toMatchObject({ data: { late: true } });
    const resubmitted = late.step(resubmit, '2026-03-11T09:00:00+08:00');
    // Counted from receipt Monday 03-02: 03-03 … 03-09 is 5 working days.
    given(...resubmitted.events())
      .at('2026-03-11T10:00:00+08:00')
      .when({ type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-9' })
      .then({
        type: 'ApplicationAccepted',
        data: { clockStartsAt: '2026-03-02T10:00:00+08:00', deadline: '2026-03-09T17:30:00+08:00' },
      });
  });

  it('N3: given one notice and a resubmission, when a second notice names an old material, then N3_REPEATED_NOTICE', () => {
    const afterSupplement = receivedCase()
      .step(notice('BZ-1', ['lease']))
      .step(resubmit);
    const next = given(...afterSupplement.events()).at(received);
    next.when(notice('BZ-2', ['id'])).thenRefuses('N3_REPEATED_NOTICE');
    next.when(notice('BZ-2', ['id'], true)).thenRefuses('N3_REPEATED_NOTICE');
  });

  it('N3: given a resubmission, when a second notice concerns only materials first handed in with it and says so, then it is recorded and flagged repeated', () => {
    const afterSupplement = receivedCase()
      .step(notice('BZ-1', ['lease']))
      .step(resubmit);
    given(...afterSupplement.events())
      .at(received)
      .when(notice('BZ-2', ['lease'], true))
      .then({ type: 'SupplementRequested', data: { sequence: 2, repeated: true, onlyNewMaterials: true } });
  });

  it('N4: given a received application, when rejected without reasons, then N4_REJECTION_WITHOUT_REASON', () => {
    onReceipt()
      .when({ type: 'RejectApplication', actor: windowClerk, noticeNo: 'TH-1', reasons: ['  '] })
      .thenRefuses('N4_REJECTION_WITHOUT_REASON', { field: 'reasons' });
  });

  it('N4: given a matter outside the center’s competence, when rejected without naming the competent authority, then N4_COMPETENT_AUTHORITY_REQUIRED', () => {
    const reject = {
      type: 'RejectApplication',
      actor: windowClerk,
      noticeNo: 'TH-1',
      reasons: ['不属于本机关职权范围'],
      outsideCompetence: true,
    } as const;
    onReceipt().when(reject).thenRefuses('N4_COMPETENT_AUTHORITY_REQUIRED');
    const ok = onReceipt().when({ ...reject, competentAuthority: '淮安市市场监督管理局' });
    expect(ok.state().status).toBe('rejected');
  });

  it('N5: given a received application, when accepted without a receipt number, then N5_RECEIPT_NUMBER_REQUIRED; with one, the receipt, kind, limit and due time are recorded', () => {
    onReceipt()
      .when({ type: 'AcceptApplication', actor: windowClerk, receiptNo: '' })
      .thenRefuses('N5_RECEIPT_NUMBER_REQUIRED');
    onReceipt()
      .when({ type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-1' })
      .then({
        type: 'ApplicationAccepted',
        data: {
          receiptNo: 'SL-1',
          kind: 'promised',
          limitDays: 5,
          deadline: '2026-03-09T17:30:00+08:00',
          provisional: false,
        },
      });
  });

  it('ILLEGAL_TRANSITION: given a case awaiting supplement, when accepted, then ILLEGAL_TRANSITION', () => {
    const waiting = receivedCase().step(notice('BZ-1', ['lease']));
    given(...waiting.events())
      .at(received)
      .when({ type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-1' })
      .thenRefuses('ILLEGAL_TRANSITION', { category: 'conflict' });
  });
});
