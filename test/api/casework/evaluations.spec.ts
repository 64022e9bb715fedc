/**
 * Issue 14's walk of 好差评 over HTTP on PGlite (P5, P6): the applicant's one-time invitation, a
 * proxy rating flagged, a bad review's callback and upheld appeal; and the policy's callback days
 * (C7, P6) moving the callback's due date.
 */
import type { TestApi } from '../support/api-harness.js';
import { useCaseworkApi, type CaseworkApi, type Recorded } from '../support/casework-api.js';
import { caseAt, expectOk, type Tokens } from '../support/case-fixtures.js';
import { approve, rateByInvitation, upholdAppeal } from '../support/case-steps.js';

describe('好差评 over HTTP (P5, P6)', () => {
  let api: TestApi;
  let t: Tokens;
  let eventsOf: CaseworkApi['eventsOf'];

  useCaseworkApi((stand) => ({ api, t, eventsOf } = stand));

  it('P5, P6: the applicant rates through the invitation (works once, no token); a bad review gets its callback and an upheld appeal', async () => {
    const id = await caseAt(api, t, 'accepted');
    const early = await api.request('POST', `/cases/${id}/evaluation-invitations`, {}, { token: t.window });
    expect(early.body).toMatchObject({ status: 422, code: 'P5_NOT_DECIDED_YET' });
    await approve(api, id, 'JD-7', t.window);
    const invited = await expectOk(api, 'POST', `/cases/${id}/evaluation-invitations`, {}, t.window);
    expect(invited).toMatchObject({ caseId: id, expiresAt: '2026-04-01T09:00:00+08:00' });
    const invitation = invited.invitation as string;
    expect(invited.url).toBe(`/public/evaluations?invitation=${invitation}`);

    const forged = await api.request(
      'POST',
      '/public/evaluations',
      { invitation: `${invitation.split('.')[0]}.${'A'.repeat(43)}`, score: 5 },
      { token: null },
    );
    expect(forged.body).toMatchObject({ status: 404, code: 'P5_INVITATION_INVALID' });
    const rated = await api.request(
      'POST',
      '/public/evaluations',
      { invitation, score: 1, comment: '等了两个小时' },
      { token: null },
    );
    expect(rated.status).toBe(201);
    expect((rated.body.events as (Recorded & { actor: { role: string } })[])[0]).toMatchObject({
      type: 'EvaluationSubmitted',
      actor: { role: 'applicant' },
      data: { channel: 'invitation', score: 1, bad: true, callbackDueAt: '2026-03-09T17:30:00+08:00' },
    });
    const twice = await api.request('POST', '/public/evaluations', { invitation, score: 5 }, { token: null });
    expect(twice.body).toMatchObject({ status: 409, code: 'P5_INVITATION_USED' });

    // staff rating for the applicant is flagged
    await expectOk(api, 'POST', `/cases/${id}/evaluations`, { score: 5, channel: 'proxy' }, t.guide);
    expect(
      (await api.request('GET', `/cases/${id}`, undefined, { token: t.supervisor })).body.flags,
    ).toContain('PROXY_RATING');

    await expectOk(
      api,
      'POST',
      `/cases/${id}/evaluations/1/callback`,
      { contactedAt: '2026-03-02T09:00:00+08:00', result: '已致歉并说明改进措施' },
      t.window,
    );
    expect(
      (await api.request('POST', `/cases/${id}/evaluations/1/appeal`, { reason: '无' }, { token: t.window }))
        .status,
    ).toBe(403);
    const decided = await upholdAppeal(
      api,
      t,
      id,
      '差评所涉等候时间系系统故障所致，已报备',
      '经核实系系统故障，申诉成立',
    );

    expect((decided.events as Recorded[])[0]).toMatchObject({
      type: 'EvaluationAppealDecided',
      data: { upheld: true },
    });
    // upheld: out of the rates, never out of the record
    expect((await eventsOf(id)).filter((e) => e.type === 'EvaluationSubmitted')).toHaveLength(2);
  });

  it('C7, P6: a policy version with callbackDays moves the callback of the next bad review; out of 1..365 it is refused naming the field and records nothing', async () => {
    const current = (await api.request('GET', '/admin/policy/timeliness', undefined, { token: t.admin }))
      .body as Record<string, unknown>;
    const policyEvents = async () => (await api.store.readStream('policy-timeliness')).length;
    const before = await policyEvents();
    for (const [field, value] of [
      ['callbackDays', 0],
      ['appealDays', 366],
      ['callbackDays', 2.5],
    ] as const) {
      const refused = await api.request(
        'PUT',
        '/admin/policy/timeliness',
        { ...current, version: 'county-2026.bad', [field]: value },
        { token: t.admin },
      );
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field }] });
    }
    expect(await policyEvents()).toBe(before);

    await expectOk(
      api,
      'PUT',
      '/admin/policy/timeliness',
      { ...current, version: 'county-2026.2', callbackDays: 2, appealDays: 3 },
      t.admin,
    );
    const policy = await api.request('GET', '/admin/policy/timeliness', undefined, { token: t.window });
    expect(policy.body).toMatchObject({ version: 'county-2026.2', callbackDays: 2, appealDays: 3 });

    const id = await caseAt(api, t, 'accepted');
    await approve(api, id, 'JD-8', t.window);
    const rated = await rateByInvitation(api, t, id, 2);
    expect(rated.status).toBe(201);
    // Rated Monday 2026-03-02 09:00: 2 working days, not the default 5 (2026-03-09).
    expect((rated.body.events as Recorded[])[0]!.data).toMatchObject({
      bad: true,
      callbackDueAt: '2026-03-04T17:30:00+08:00',
    });
  });
});
