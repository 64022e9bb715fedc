/**
 * The refusals of complaints and evaluations (P), accountability (A) and timeliness cards (C4, C5)
 * over HTTP. Each is problem+json with its rule code and records nothing (support/domain-refusals.ts).
 */
import { detectViolations } from '#domain/accountability/detect-violations.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { STORE_KINDS, type TestApi } from './support/api-harness.js';
import { caseAt, expectOk, type Tokens } from './support/case-fixtures.js';
import { concludeComplaint, explainCard, fileComplaint, rectify, revokeCard } from './support/case-steps.js';
import { type Attempt, expectRefused, post, type Refusal, useRefusalApi } from './support/domain-refusals.js';
import { runSupervision } from './support/supervision-stand-in.js';

describe.each(STORE_KINDS)('domain refusals over HTTP (%s)', (kind) => {
  let api: TestApi;
  let t: Tokens;

  const { freshCaseAt, onCaseAt } = useRefusalApi(kind, (stand) => ({ api, t } = stand));

  /** The supervisor's rectification of a completed case's evaluation (`score`, by the guide), after `before`. */
  const rectificationAfterEvaluation =
    (score: number, action: string, before?: (id: string) => Promise<unknown>) =>
    async (): Promise<Attempt> => {
      const id = await freshCaseAt('completed');
      await expectOk(api, 'POST', `/cases/${id}/evaluations`, { score }, t.guide);
      await before?.(id);
      return post(`/cases/${id}/evaluations/1/rectification`, { valid: true, action }, t.supervisor);
    };

  /** An immediate case with a card of `level` issued by supervision (moves the clock forward). */
  const withCard = async (level: 'warning' | 'yellow'): Promise<{ id: string; cardId: string }> => {
    const id = await caseAt(api, t, 'accepted', { matter: 'M-002' });
    api.clock.set(api.clock.now() + (level === 'warning' ? 21 : 31) * 60_000);
    await runSupervision(api, id);
    const view = await api.request('GET', `/cases/${id}`, undefined, { token: t.supervisor });
    const card = (view.body.cards as { cardId: string; level: string }[]).find((c) => c.level === level)!;
    return { id, cardId: card.cardId };
  };

  const refusals: readonly Refusal[] = [
    [
      'P1_COMPLAINT_INCOMPLETE',
      422,
      onCaseAt('inquiry', 'complaints', 'guide', { channel: '现场', subject: { kind: 'case' } }),
    ],
    [
      'P2_COMPLAINT_NOT_FOUND',
      404,
      onCaseAt('inquiry', 'complaints/nope/conclusion', 'supervisor', {
        substantiated: false,
        reply: '不属实',
      }),
    ],
    [
      'P2_COMPLAINT_ALREADY_CONCLUDED',
      422,
      async () => {
        const id = await caseAt(api, t, 'inquiry');
        const complaint = { channel: '现场', subject: { kind: 'case' }, content: '排队太久' };
        const complaintId = await fileComplaint(api, t, id, complaint);
        await concludeComplaint(api, t, complaintId, { substantiated: false, reply: '不属实' }, id);
        return post(
          `/cases/${id}/complaints/${complaintId}/conclusion`,
          { substantiated: true, reply: '属实' },
          t.supervisor,
        );
      },
    ],
    ['P4_SCORE_OUT_OF_RANGE', 422, onCaseAt('completed', 'evaluations', 'guide', { score: 6 })],
    [
      'P4_EVALUATION_NOT_FOUND',
      404,
      onCaseAt('completed', 'evaluations/9/rectification', 'supervisor', { valid: true, action: '整改' }),
    ],
    ['P4_RECTIFICATION_NOT_NEEDED', 422, rectificationAfterEvaluation(5, '整改')],
    [
      'P4_ALREADY_RECTIFIED',
      422,
      rectificationAfterEvaluation(1, '再次整改', (id) => rectify(api, t, id, '整改')),
    ],
    [
      'A3_VIOLATION_NOT_FOUND',
      404,
      onCaseAt('completed', 'accountability-actions', 'supervisor', {
        violationId: 'nope',
        action: 'reminder',
        note: '提醒',
      }),
    ],
    [
      'A3_ACTION_INCOMPLETE',
      422,
      async () => {
        const id = await caseAt(api, t, 'inquiry');
        const complaint = { channel: '现场', subject: { kind: 'staff', id: 'u-window' }, content: '态度差' };
        const complaintId = await fileComplaint(api, t, id, complaint);
        await concludeComplaint(api, t, complaintId, { substantiated: true, reply: '属实' }, id);

        const violations = detectViolations((await api.store.readStream(`case-${id}`)).map(toCaseEvent));
        return post(
          `/cases/${id}/accountability-actions`,
          { violationId: violations[0]!.violationId, action: 'reminder', note: ' ' },
          t.supervisor,
        );
      },
    ],
    [
      'C4_CARD_NOT_FOUND',
      404,
      onCaseAt('accepted', 'cards/yellow-000/explanation', 'window', { text: '说明' }),
    ],
    [
      'C5_EXPLANATION_NOT_NEEDED',
      422,
      async () => {
        const { id, cardId } = await withCard('warning');
        return post(`/cases/${id}/cards/${cardId}/explanation`, { text: '说明' }, t.window);
      },
    ],
    [
      'C5_EXPLANATION_ALREADY_GIVEN',
      422,
      async () => {
        const { id, cardId } = await withCard('yellow');
        await explainCard(api, id, cardId, '说明', t.window);

        return post(`/cases/${id}/cards/${cardId}/explanation`, { text: '再说明' }, t.approver);
      },
    ],
    [
      'C4_REVOCATION_REASON_REQUIRED',
      422,
      async () => {
        const { id, cardId } = await withCard('yellow');
        return post(`/cases/${id}/cards/${cardId}/revocation`, {}, t.supervisor);
      },
    ],
    [
      'C4_CARD_ALREADY_REVOKED',
      422,
      async () => {
        const { id, cardId } = await withCard('yellow');
        await revokeCard(api, t, id, cardId, '误亮牌');
        return post(`/cases/${id}/cards/${cardId}/revocation`, { reason: '再次撤销' }, t.supervisor);
      },
    ],
  ];

  it.each(refusals)('%s (%d) is refused with its code and records nothing', async (code, status, setup) => {
    await expectRefused(api, code, status, await setup());
  });
});
