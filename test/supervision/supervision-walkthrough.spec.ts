/**
 * Issue 7 over HTTP with the manual clock: POST /admin/clock runs a supervision tick before it
 * answers. One API with supervision; the tests run in order along one timeline (March–May 2026).
 *  - warning → yellow → red, with the explanation (C5) and the escalation of an unexplained yellow
 *    card (C3 second clause), revocation (C4) and accountability actions (A3);
 *  - an extension moves the deadline and leaves issued cards standing (C4, T7);
 *  - a new policy version applies to later checks, never to cards already issued (C7);
 *  - a suspension over the Labour Day holidays pauses the clock (T6);
 *  - several supervision loops at once write exactly one card of each kind (C4).
 */
import { DEFAULT_TIMELINESS_POLICY } from '#domain/timeliness/timeliness-policy.js';
import { caseAt, type Tokens } from '../api/support/case-fixtures.js';
import { startSupervisedApi, type SupervisedApi } from './support/supervised-api.js';
import { cardsOf, caseNow, eventsOf, supervisionEvents } from './support/walkthrough-steps.js';
import { useTestApi } from '../api/support/test-api-stand.js';

describe('supervision over HTTP (电子监察)', () => {
  let api: SupervisedApi;
  let t: Tokens;
  const clock = async (iso: string): Promise<Record<string, unknown>> => {
    const res = await api.request('POST', '/admin/clock', { now: iso }, { token: t.admin });
    expect(res.status).toBe(200);
    return res.body;
  };
  const post = (path: string, body: unknown, token: string) => api.request('POST', path, body, { token });

  useTestApi({ open: () => startSupervisedApi() }, (stand) => ({ api, t } = stand));

  let explained: string;
  let unexplained: string;

  it('C1–C3, C5: warning, yellow card, explanation by the card’s department, red card; an unexplained yellow card turns red', async () => {
    // Accepted Monday 2026-03-02 09:00 with 5 working days: due Monday 03-09 17:30.
    explained = await caseAt(api, t, 'accepted');
    unexplained = await caseAt(api, t, 'accepted');

    expect(await clock('2026-03-06T17:29:00+08:00')).toMatchObject({ supervision: { appended: 0 } });
    expect(await clock('2026-03-06T17:31:00+08:00')).toMatchObject({ supervision: { due: 2, appended: 2 } });
    expect(await caseNow(api, explained, t.window)).toMatchObject({
      level: 'warning',
      cards: [{ cardId: 'warning-202603091730', level: 'warning' }],
    });
    // C5: a warning needs no explanation.
    const noNeed = await post(
      `/cases/${explained}/cards/warning-202603091730/explanation`,
      { text: '说明' },
      t.window,
    );
    expect(noNeed.body).toMatchObject({ status: 422, code: 'C5_EXPLANATION_NOT_NEEDED' });

    await clock('2026-03-09T17:31:00+08:00');
    const yellow = (await eventsOf(api, explained, t.auditor)).find((e) => e.type === 'YellowCardIssued')!;
    expect(yellow.data).toMatchObject({
      cardId: 'yellow-202603091730',
      departmentId: 'dept-market',
      windowId: 'win-3',
      explanationDueAt: '2026-03-11T17:30:00+08:00',
    });

    // Only the card's department explains it (C5): another department does not even find the case
    // (R1, outside its scope); an auditor never writes.
    const wrong = await post(
      `/cases/${explained}/cards/yellow-202603091730/explanation`,
      { text: '非本部门' },
      t.otherWindow,
    );
    expect(wrong.body).toMatchObject({ code: 'CASE_NOT_FOUND' });
    const auditor = await post(
      `/cases/${explained}/cards/yellow-202603091730/explanation`,
      { text: '纪检' },
      t.auditor,
    );
    expect(auditor.status).toBe(403);
    const given = await post(
      `/cases/${explained}/cards/yellow-202603091730/explanation`,
      { text: '因需跨部门核验，导致超期。' },
      t.approver,
    );
    expect(given.status).toBe(201);
    expect((given.body.events as { data: unknown }[])[0]!.data).toMatchObject({ late: false });
    const twice = await post(
      `/cases/${explained}/cards/yellow-202603091730/explanation`,
      { text: '再说明' },
      t.window,
    );
    expect(twice.body).toMatchObject({ code: 'C5_EXPLANATION_ALREADY_GIVEN' });

    // 03-11 17:31: the unexplained yellow card's explanation is overdue → red (C3) and the step flagged (T10).
    expect(await clock('2026-03-11T17:31:00+08:00')).toMatchObject({ supervision: { appended: 2 } });
    expect(supervisionEvents(await eventsOf(api, unexplained, t.auditor))).toEqual([
      'WarningIssued:warning-202603091730',
      'YellowCardIssued:yellow-202603091730',
      'RedCardIssued:red-202603091730',
      'StepOverdueFlagged:explanation',
    ]);
    const escalation = (await eventsOf(api, unexplained, t.auditor)).find((e) => e.type === 'RedCardIssued')!;
    expect(escalation.data).toMatchObject({ cause: 'explanation_overdue' });
    expect(supervisionEvents(await eventsOf(api, explained, t.auditor))).toHaveLength(2);

    // 03-12 17:31: three working days overdue → red for the explained case too; nothing twice.
    await clock('2026-03-12T17:31:00+08:00');
    await clock('2026-03-12T17:32:00+08:00');
    expect(supervisionEvents(await eventsOf(api, explained, t.auditor))).toEqual([
      'WarningIssued:warning-202603091730',
      'YellowCardIssued:yellow-202603091730',
      'RedCardIssued:red-202603091730',
    ]);
    expect(supervisionEvents(await eventsOf(api, unexplained, t.auditor))).toHaveLength(4);
    expect(await caseNow(api, explained, t.supervisor)).toMatchObject({ level: 'red' });
  });

  it('C4, A3: only a supervisor revokes a card, with a reason; accountability actions name a detected violation', async () => {
    const path = `/cases/${unexplained}/cards/red-202603091730/revocation`;
    expect((await post(path, { reason: '误判' }, t.window)).body).toMatchObject({
      status: 403,
      code: 'ROLE_NOT_ALLOWED',
    });
    expect((await post(path, { reason: '误判' }, t.approver)).status).toBe(403);
    expect((await post(path, {}, t.supervisor)).body).toMatchObject({
      code: 'C4_REVOCATION_REASON_REQUIRED',
    });
    expect((await post(path, { reason: '   ' }, t.supervisor)).body).toMatchObject({
      code: 'C4_REVOCATION_REASON_REQUIRED',
    });
    expect((await post(path, { reason: '书面说明已线下提交，系统漏录' }, t.supervisor)).status).toBe(201);
    expect((await post(path, { reason: '再次撤销' }, t.supervisor)).body).toMatchObject({
      code: 'C4_CARD_ALREADY_REVOKED',
    });
    expect(await cardsOf(api, unexplained, t.supervisor)).toEqual(
      expect.arrayContaining([expect.objectContaining({ cardId: 'red-202603091730', revoked: true })]),
    );
    // A revoked card is explained no more (C4).
    const late = await post(
      `/cases/${unexplained}/cards/red-202603091730/explanation`,
      { text: '说明' },
      t.window,
    );
    expect(late.body).toMatchObject({ code: 'C4_CARD_ALREADY_REVOKED' });

    const dossier = await api.request<{ violations: { violationId: string; code: string }[] }>(
      'GET',
      `/cases/${explained}/dossier`,
      undefined,
      { token: t.supervisor },
    );
    const overdue = dossier.body.violations.find((v) => v.code === 'OVERDUE')!;
    const action = { violationId: overdue.violationId, action: 'criticism', note: '对超期办结进行批评教育' };
    const actions = `/cases/${explained}/accountability-actions`;
    expect((await post(actions, action, t.window)).status).toBe(403);
    expect(
      (await post(actions, { ...action, violationId: 'OVERDUE:nope' }, t.supervisor)).body,
    ).toMatchObject({
      status: 404,
      code: 'A3_VIOLATION_NOT_FOUND',
    });
    expect((await post(actions, { ...action, note: '' }, t.supervisor)).body).toMatchObject({
      code: 'A3_ACTION_INCOMPLETE',
    });
    const recorded = await post(actions, action, t.supervisor);
    expect(recorded.status).toBe(201);
    expect((recorded.body.events as { type: string; data: unknown }[])[0]).toMatchObject({
      type: 'AccountabilityActionRecorded',
      data: { violationId: overdue.violationId, action: 'criticism' },
    });
  });

  it('C4, T7: after an extension the issued warning stands and the new deadline gets its own cards', async () => {
    await clock('2026-03-16T09:00:00+08:00'); // Monday: due Monday 03-23 17:30
    const id = await caseAt(api, t, 'accepted');
    await clock('2026-03-20T17:31:00+08:00');
    expect(await cardsOf(api, id, t.window)).toEqual([
      expect.objectContaining({ cardId: 'warning-202603231730' }),
    ]);
    const extended = await post(
      `/cases/${id}/extension`,
      { days: 3, reason: '需组织专家评审', applicantNotifiedAt: '2026-03-20T17:31:00+08:00', channel: 'sms' },
      t.approver,
    );
    expect(extended.status).toBe(201);
    expect((extended.body.events as { data: unknown }[])[0]!.data).toMatchObject({
      previousDeadline: '2026-03-23T17:30:00+08:00',
      deadline: '2026-03-26T17:30:00+08:00',
    });
    // The old deadline passes: no yellow card for it; the warning issued stands, unrevoked.
    await clock('2026-03-23T17:31:00+08:00');
    expect(await cardsOf(api, id, t.window)).toEqual([
      { cardId: 'warning-202603231730', level: 'warning', issuedAt: '2026-03-20T17:31:00+08:00' },
    ]);
    await clock('2026-03-25T17:31:00+08:00'); // one working day before the new deadline
    await clock('2026-03-26T17:31:00+08:00');
    expect((await cardsOf(api, id, t.window)).map((c) => c.cardId)).toEqual([
      'warning-202603231730',
      'warning-202603261730',
      'yellow-202603261730',
    ]);
    // A second extension, or one after the deadline, is refused (T7).
    const again = await post(
      `/cases/${id}/extension`,
      { days: 1, reason: '再延期', applicantNotifiedAt: '2026-03-26T17:31:00+08:00', channel: 'sms' },
      t.approver,
    );
    expect(again.status).toBe(422);
  });

  it('C7: a new policy version governs later checks; cards already issued keep theirs', async () => {
    await clock('2026-03-30T09:00:00+08:00'); // Monday; due Tuesday 04-07 17:30 (04-04..06 Qingming)
    const before = await caseAt(api, t, 'accepted');
    // The default thresholds but for a day's more warning lead and a red card one working day overdue.
    const policy = {
      ...DEFAULT_TIMELINESS_POLICY,
      version: 'county-2026.2',
      warningLeads: [
        { maxLimitDays: 5, leadDays: 2 },
        { maxLimitDays: 10, leadDays: 3 },
        { maxLimitDays: 1000, leadDays: 4 },
      ],
      redAfterOverdueDays: 1,
    };
    const put = await api.request('PUT', '/admin/policy/timeliness', policy, { token: t.admin });
    expect(put.status).toBe(201);
    const after = await caseAt(api, t, 'accepted');
    const accepted = (await eventsOf(api, after, t.auditor)).find((e) => e.type === 'ApplicationAccepted')!;
    expect(accepted.data).toMatchObject({ policyVersion: 'county-2026.2' });
    // The two-day lead of the new version: both cases are warned on Friday 04-03 17:31.
    await clock('2026-04-03T17:31:00+08:00');
    for (const id of [before, after]) {
      const warning = (await eventsOf(api, id, t.auditor)).find((e) => e.type === 'WarningIssued')!;
      expect(warning.data).toMatchObject({ cardId: 'warning-202604071730', policyVersion: 'county-2026.2' });
    }
    // The March cards keep the version they were issued under (C7).
    const march = (await eventsOf(api, explained, t.auditor)).filter((e) => e.type.endsWith('Issued'));
    expect(march.map((e) => e.data.policyVersion)).toEqual([
      'default-2026.1',
      'default-2026.1',
      'default-2026.1',
    ]);
    // Red one working day after the deadline under the new version (not three).
    await clock('2026-04-08T17:31:00+08:00');
    expect((await cardsOf(api, after, t.window)).map((c) => c.level)).toEqual(['warning', 'yellow', 'red']);
  });

  it('T6: a suspension over the Labour Day holidays pauses the clock; cards follow the moved deadline', async () => {
    await clock('2026-04-23T09:00:00+08:00'); // Thursday: due Thursday 04-30 17:30
    const id = await caseAt(api, t, 'accepted');
    const deadline = (await caseNow(api, id, t.window)).deadline;
    expect(deadline).toBe('2026-04-30T17:30:00+08:00');
    await clock('2026-04-27T10:00:00+08:00');
    expect(
      (
        await post(
          `/cases/${id}/suspensions`,
          {
            type: 'inspection',
            expectedDays: 3,
            reason: '需现场核查经营场所',
            applicantNotifiedAt: '2026-04-27T10:00:00+08:00',
          },
          t.window,
        )
      ).status,
    ).toBe(201);
    // Suspended: the old warning time (two days ahead, policy county-2026.2), the old deadline and
    // the holidays (05-01..05-05) pass without a card.
    await clock('2026-04-28T17:31:00+08:00');
    await clock('2026-04-30T17:31:00+08:00');
    await clock('2026-05-06T09:00:00+08:00');
    expect(await cardsOf(api, id, t.window)).toEqual([]);
    await clock('2026-05-06T10:00:00+08:00');
    const resumed = await post(`/cases/${id}/suspensions/1/resumption`, {}, t.window);
    expect(resumed.status).toBe(201);
    // Office time inside the pause only, once: 04-27 10:00–17:30 (300), 04-28..04-30 (3 × 390), the
    // holidays nothing, 05-06 08:30–10:00 (90). The deadline moves as far in office time: Saturday
    // 05-09, a working day in 2026 (调休).
    expect((resumed.body.events as { data: unknown }[])[0]!.data).toMatchObject({
      suspendedOfficeMinutes: 300 + 3 * 390 + 90,
      previousDeadline: '2026-04-30T17:30:00+08:00',
      deadline: '2026-05-09T17:30:00+08:00',
    });
    const moved = (await caseNow(api, id, t.window)).deadline as string;
    const movedCard = `warning-${moved.slice(0, 16).replace(/[-:T]/g, '')}`;
    await clock('2026-05-06T10:01:00+08:00');
    expect(await cardsOf(api, id, t.window)).toEqual([]);
    await clock('2026-05-07T17:29:00+08:00');
    expect(await cardsOf(api, id, t.window)).toEqual([]);
    await clock('2026-05-07T17:31:00+08:00'); // two working days before the moved deadline
    expect((await cardsOf(api, id, t.window)).map((c) => c.cardId)).toEqual([movedCard]);
    await clock('2026-05-09T17:31:00+08:00');
    expect((await cardsOf(api, id, t.window)).map((c) => c.level)).toEqual(['warning', 'yellow']);
  });

  it('a step recorded on an overdue case before supervision ran does not delay its card', async () => {
    const id = await caseAt(api, t, 'accepted');
    const deadline = Date.parse((await caseNow(api, id, t.window)).deadline as string);
    // Past the deadline without a tick; then an evaluation is recorded: the yellow card is due now,
    // not at the next instant the timeliness function names (the red one, days later).
    api.clock.set(deadline + 60_000);
    expect((await post(`/cases/${id}/evaluations`, { score: 3 }, t.window)).status).toBe(201);
    await clock(new Date(deadline + 120_000).toISOString());
    expect((await cardsOf(api, id, t.window)).map((c) => c.level)).toContain('yellow');
  });

  it('C4: supervision loops in three processes at once write exactly one card of each kind', async () => {
    const ids = await Promise.all([1, 2, 3, 4].map(() => caseAt(api, t, 'accepted')));
    api.clock.set(api.clock.now() + 30 * 24 * 3600_000); // long past red
    await api.viewsCaughtUp(); // the ticks below do not wait for the projector themselves
    const loops = [api.loop, api.secondLoop(), api.secondLoop()];
    const reports = await Promise.all([...loops, ...loops].map((l) => l.tick()));
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);
    for (const id of ids) {
      const written = supervisionEvents(await eventsOf(api, id, t.auditor));
      expect(written.filter((x) => x.startsWith('YellowCardIssued'))).toHaveLength(1);
      expect(written.filter((x) => x.startsWith('RedCardIssued'))).toHaveLength(1);
      expect(new Set(written).size).toBe(written.length);
    }
  });
});
