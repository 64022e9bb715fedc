/**
 * Issue 14's walks of the statutory steps over HTTP on PGlite: a denial without the rights notice
 * (N6), a local suspension type (T6), an approval delivered on the 11th working day (T12) and an
 * escalated case reviewed late (T13).
 */
import type { TestApi } from '../support/api-harness.js';
import { useCaseworkApi, type CaseworkApi, type Recorded } from '../support/casework-api.js';
import { REMEDIES_NOTICE as NOTICE } from '../support/casework-api.js';
import { caseAt, expectOk, type Tokens } from '../support/case-fixtures.js';
import { approve } from '../support/case-steps.js';

describe('statutory steps over HTTP (N6, T6, T12, T13)', () => {
  let api: TestApi;
  let t: Tokens;
  let eventsOf: CaseworkApi['eventsOf'];

  useCaseworkApi((stand) => ({ api, t, eventsOf } = stand));

  it('N6: a denial without the rights notice is refused and records nothing; with it, the case closes with the decision', async () => {
    const id = await caseAt(api, t, 'accepted');
    const before = (await eventsOf(id)).length;
    const refused = await api.request(
      'POST',
      `/cases/${id}/completion`,
      { outcome: 'denied', decisionNo: 'BY-1', reasons: ['经营场所不符合卫生要求'] },
      { token: t.window },
    );
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'N6_DENIAL_WITHOUT_REMEDIES_NOTICE',
      title: '不予许可须告知申请行政复议或提起行政诉讼的权利',
      errors: [{ field: 'remediesNotice' }],
    });
    expect(await eventsOf(id)).toHaveLength(before);
    await expectOk(
      api,
      'POST',
      `/cases/${id}/completion`,
      { outcome: 'denied', decisionNo: 'BY-1', reasons: ['经营场所不符合卫生要求'], remediesNotice: NOTICE },
      t.window,
    );
    expect((await api.request('GET', `/cases/${id}`, undefined, { token: t.window })).body).toMatchObject({
      status: 'completed',
    });
    expect(
      (await api.request('POST', `/cases/${id}/delivery`, { channel: 'post' }, { token: t.window })).body,
    ).toMatchObject({ status: 422, code: 'T12_DELIVERY_NOT_DUE' });
  });

  it('T6: a local type the center allows is recorded as local and flagged LOCAL_SUSPENSION; a type neither statutory nor allowed is refused', async () => {
    const id = await caseAt(api, t, 'accepted');
    const body = { reason: '需现场勘查', expectedDays: 3, applicantNotifiedAt: '2026-03-02T09:00:00+08:00' };
    const refused = await api.request(
      'POST',
      `/cases/${id}/suspensions`,
      { ...body, type: 'public_notice' },
      { token: t.window },
    );
    expect(refused.body).toMatchObject({ status: 422, code: 'T6_SUSPENSION_TYPE_NOT_ALLOWED' });
    const local = await expectOk(
      api,
      'POST',
      `/cases/${id}/suspensions`,
      { ...body, type: 'site_survey' },
      t.window,
    );
    expect((local.events as Recorded[])[0]!.data).toMatchObject({
      suspensionType: 'site_survey',
      local: true,
      expectedDays: 3,
    });
    expect(
      (await api.request('GET', `/cases/${id}`, undefined, { token: t.supervisor })).body.flags,
    ).toContain('LOCAL_SUSPENSION');
  });

  it('T12, T13: an approval delivered on the 11th working day is flagged LATE_DELIVERY; an escalated case reviewed after 20 working days LATE_PRELIMINARY_REVIEW', async () => {
    const approved = await caseAt(api, t, 'accepted');
    const escalated = await caseAt(api, t, 'accepted', { matter: 'M-003' });
    await api.setClock('2026-03-03T10:00:00+08:00');
    const decision = await approve(api, approved, 'JD-11', t.window);

    expect((decision.events as Recorded[])[0]!.data).toMatchObject({
      delivery: 'pending',
      deliveryDueAt: '2026-03-17T17:30:00+08:00',
    });
    expect(
      (await api.request('GET', `/cases/${approved}`, undefined, { token: t.window })).body,
    ).toMatchObject({ status: 'decided' });

    await api.setClock('2026-03-18T10:00:00+08:00');
    const delivered = await expectOk(
      api,
      'POST',
      `/cases/${approved}/delivery`,
      { channel: 'post', trackingNo: 'EMS1234567890', licenceNo: 'JY-2026-11' },
      t.window,
    );
    expect((delivered.events as Recorded[])[0]).toMatchObject({
      type: 'DecisionDelivered',
      data: { late: true, dueAt: '2026-03-17T17:30:00+08:00' },
    });
    const closed = (await api.request('GET', `/cases/${approved}`, undefined, { token: t.supervisor })).body;
    expect(closed).toMatchObject({ status: 'completed' });
    expect(closed.flags).toContain('LATE_DELIVERY');

    await api.setClock('2026-03-31T10:00:00+08:00');
    const review = await expectOk(
      api,
      'POST',
      `/cases/${escalated}/preliminary-review`,
      { opinion: '材料齐全，同意上报', forwardedTo: '某某市市场监督管理局' },
      t.approver,
    );
    expect((review.events as Recorded[])[0]).toMatchObject({
      type: 'PreliminaryReviewCompleted',
      data: { late: true, dueAt: '2026-03-30T17:30:00+08:00' },
    });
    expect(
      (await api.request('GET', `/cases/${escalated}`, undefined, { token: t.supervisor })).body.flags,
    ).toContain('LATE_PRELIMINARY_REVIEW');
    expect(
      (
        await api.request(
          'POST',
          `/cases/${approved}/preliminary-review`,
          { opinion: 'x', forwardedTo: 'y' },
          { token: t.approver },
        )
      ).status,
    ).toBe(409);
  });
});
