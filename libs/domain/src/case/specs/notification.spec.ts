import type { CaseEvent } from '../case-events.js';
import type { CaseCommand } from '../case-commands.js';
import { events, history, promisedMatter, stateOf, when, windowClerk } from './given-when-then.js';

const received = '2026-03-02T10:00:00+08:00'; // Monday
const receivedCase = (): CaseEvent[] =>
  history([
    [
      {
        type: 'RegisterInquiry',
        actor: windowClerk,
        caseId: 'case-n',
        centerId: 'center-1',
        channel: 'window',
        applicant: { kind: 'company', name: '淮安市某餐饮有限公司' },
        question: '申请食品经营许可',
      },
      { now: received },
    ],
    [
      { type: 'SubmitApplication', actor: windowClerk, matterCode: 'M-001', materials: [{ code: 'id' }] },
      { now: received, matter: promisedMatter },
    ],
  ]);

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

describe('one-time notification (一次性告知)', () => {
  it('N1: given a received application, when a notice lists no items, then N1_NOTICE_WITHOUT_ITEMS', () => {
    expect(when(receivedCase(), notice('BZ-1', []), { now: received })).toMatchObject({
      code: 'N1_NOTICE_WITHOUT_ITEMS',
    });
  });

  it('N1, N2: given a received application, when a notice lists the missing materials on the spot, then it is recorded as in time', () => {
    const [e] = events(when(receivedCase(), notice('BZ-1', ['lease']), { now: received }));
    expect(e).toMatchObject({
      type: 'SupplementRequested',
      data: { noticeNo: 'BZ-1', sequence: 1, late: false, repeated: false },
    });
  });

  it('N2: given receipt on Monday 2026-03-02, then the notice is due at close of the 5th working day (Monday 03-09 17:30)', () => {
    expect(receivedCase()[1]).toMatchObject({ data: { noticeDueAt: '2026-03-09T17:30:00+08:00' } });
  });

  it('N2: given receipt on Monday, when the notice comes on the 6th working day, then it is late and the clock starts at receipt', () => {
    const late = events(
      when(receivedCase(), notice('BZ-1', ['lease']), { now: '2026-03-10T09:00:00+08:00' }),
    );
    expect(late[0]).toMatchObject({ data: { late: true } });
    const resubmitted = [
      ...receivedCase(),
      ...late,
      ...events(
        when(
          [...receivedCase(), ...late],
          { type: 'SubmitSupplement', actor: windowClerk, materials: [{ code: 'lease' }] },
          { now: '2026-03-11T09:00:00+08:00' },
        ),
      ),
    ];
    const [accepted] = events(
      when(
        resubmitted,
        { type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-9' },
        { now: '2026-03-11T10:00:00+08:00' },
      ),
    );
    // Counted from receipt Monday 03-02: 03-03 … 03-09 is 5 working days.
    expect(accepted).toMatchObject({
      data: { clockStartsAt: '2026-03-02T10:00:00+08:00', deadline: '2026-03-09T17:30:00+08:00' },
    });
  });

  it('N3: given one notice and a resubmission, when a second notice names an old material, then N3_REPEATED_NOTICE', () => {
    const base = receivedCase();
    const afterFirst = [...base, ...events(when(base, notice('BZ-1', ['lease']), { now: received }))];
    const afterSupplement = [
      ...afterFirst,
      ...events(
        when(
          afterFirst,
          { type: 'SubmitSupplement', actor: windowClerk, materials: [{ code: 'lease' }] },
          { now: received },
        ),
      ),
    ];
    expect(when(afterSupplement, notice('BZ-2', ['id']), { now: received })).toMatchObject({
      code: 'N3_REPEATED_NOTICE',
    });
    expect(when(afterSupplement, notice('BZ-2', ['id'], true), { now: received })).toMatchObject({
      code: 'N3_REPEATED_NOTICE',
    });
  });

  it('N3: given a resubmission, when a second notice concerns only materials first handed in with it and says so, then it is recorded and flagged repeated', () => {
    const base = receivedCase();
    const afterFirst = [...base, ...events(when(base, notice('BZ-1', ['lease']), { now: received }))];
    const afterSupplement = [
      ...afterFirst,
      ...events(
        when(
          afterFirst,
          { type: 'SubmitSupplement', actor: windowClerk, materials: [{ code: 'lease' }] },
          { now: received },
        ),
      ),
    ];
    const [second] = events(when(afterSupplement, notice('BZ-2', ['lease'], true), { now: received }));
    expect(second).toMatchObject({ data: { sequence: 2, repeated: true, onlyNewMaterials: true } });
  });

  it('N4: given a received application, when rejected without reasons, then N4_REJECTION_WITHOUT_REASON', () => {
    const refused = when(
      receivedCase(),
      { type: 'RejectApplication', actor: windowClerk, noticeNo: 'TH-1', reasons: ['  '] },
      { now: received },
    );
    expect(refused).toMatchObject({ code: 'N4_REJECTION_WITHOUT_REASON', field: 'reasons' });
  });

  it('N4: given a matter outside the center’s competence, when rejected without naming the competent authority, then N4_COMPETENT_AUTHORITY_REQUIRED', () => {
    const refused = when(
      receivedCase(),
      {
        type: 'RejectApplication',
        actor: windowClerk,
        noticeNo: 'TH-1',
        reasons: ['不属于本机关职权范围'],
        outsideCompetence: true,
      },
      { now: received },
    );
    expect(refused).toMatchObject({ code: 'N4_COMPETENT_AUTHORITY_REQUIRED' });
    const ok = events(
      when(
        receivedCase(),
        {
          type: 'RejectApplication',
          actor: windowClerk,
          noticeNo: 'TH-1',
          reasons: ['不属于本机关职权范围'],
          outsideCompetence: true,
          competentAuthority: '淮安市市场监督管理局',
        },
        { now: received },
      ),
    );
    expect(stateOf([...receivedCase(), ...ok]).status).toBe('rejected');
  });

  it('N5: given a received application, when accepted without a receipt number, then N5_RECEIPT_NUMBER_REQUIRED; with one, the receipt, kind, limit and due time are recorded', () => {
    expect(
      when(
        receivedCase(),
        { type: 'AcceptApplication', actor: windowClerk, receiptNo: '' },
        { now: received },
      ),
    ).toMatchObject({
      code: 'N5_RECEIPT_NUMBER_REQUIRED',
    });
    const [e] = events(
      when(
        receivedCase(),
        { type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-1' },
        { now: received },
      ),
    );
    expect(e).toMatchObject({
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
    const base = receivedCase();
    const waiting = [...base, ...events(when(base, notice('BZ-1', ['lease']), { now: received }))];
    expect(
      when(waiting, { type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-1' }, { now: received }),
    ).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      category: 'conflict',
    });
  });
});
