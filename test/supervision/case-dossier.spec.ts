/**
 * For auditors (issue 7.5): the case dossier (JSON and printable HTML) equals what the case's events
 * say, and the CSV of its events is RFC 4180 with a BOM; personal data is unmasked only for auditors.
 */
import { expectOk, INQUIRY, type Tokens } from '../api/support/case-fixtures.js';
import { applyFor, approve, explainCard, revokeCard } from '../api/support/case-steps.js';
import { parseCsv } from './support/csv.js';
import { startSupervisedApi, type SupervisedApi } from './support/supervised-api.js';
import { caseNow, eventsOf, type RecordedEventJson } from './support/walkthrough-steps.js';
import { useTestApi } from '../api/support/test-api-stand.js';

interface Dossier {
  caseId: string;
  personalDataMasked: boolean;
  case: Record<string, unknown>;
  timeline: (Record<string, unknown> & { eventId: string; actor: Record<string, unknown> })[];
  deadlines: { eventId: string; deadline: string; type: string }[];
  cards: {
    cardId: string;
    level: string;
    deadline: string;
    issuedAt: string;
    eventId: string;
    causedBy: string[];
    explanation?: { text: string; eventId: string };
    revocation?: { reason: string; eventId: string };
  }[];
  explanations: { eventId: string }[];
  stepFlags: { eventId: string }[];
  violations: { code: string; evidence: { eventId: string; type: string | null }[] }[];
  accountabilityActions: { eventId: string; violationId: string }[];
  integrity: { ok: boolean; checked: number };
}

describe('case dossier and CSV (GET /cases/{id}/dossier, GET /cases/{id}/events?format=csv)', () => {
  let api: SupervisedApi;
  let t: Tokens;
  let id: string;
  let events: RecordedEventJson[];
  const QUESTION = '如何办理，"食品"经营许可？\n<script>alert("x")</script> & 其他';

  useTestApi({ open: () => startSupervisedApi() }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    const created = await expectOk(
      api,
      'POST',
      '/cases/inquiries',
      { ...INQUIRY, question: QUESTION },
      t.guide,
    );
    id = created.caseId as string;
    await applyFor(api, id, t.window);
    await api.setClock('2026-03-02T10:00:00+08:00');
    // Accepted at 09:30, entered at 10:00 with its reason: a back-dated entry (U2).
    await expectOk(
      api,
      'POST',
      `/cases/${id}/acceptance`,
      {
        receiptNo: 'SL-0001',
        occurredAt: '2026-03-02T09:30:00+08:00',
        lateEntryReason: '系统故障，事后补录',
      },
      t.window,
    );
    await api.setClock('2026-03-06T17:31:00+08:00');
    await api.setClock('2026-03-09T17:31:00+08:00');
    await explainCard(api, id, 'yellow-202603091730', '材料需核验', t.window);
    await api.setClock('2026-03-12T17:31:00+08:00');
    await revokeCard(api, t, id, 'red-202603091730', '节假日数据有误');
    await approve(api, id, 'JD-0001', t.window);

    const dossier = await api.request<Dossier>('GET', `/cases/${id}/dossier`, undefined, {
      token: t.auditor,
    });
    const overdue = dossier.body.violations.find((v) => v.code === 'OVERDUE')!;
    await expectOk(
      api,
      'POST',
      `/cases/${id}/accountability-actions`,
      {
        violationId: `OVERDUE:${overdue.evidence[overdue.evidence.length - 1]!.eventId}`,
        action: 'reminder',
        note: '提醒',
      },
      t.supervisor,
    );
    events = await eventsOf(api, id, t.auditor);
  });

  const dossierFor = async (token: string): Promise<Dossier> => {
    const res = await api.request<Dossier>('GET', `/cases/${id}/dossier`, undefined, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return res.body;
  };

  it('equals what the events say: timeline, deadlines, cards with their causes, explanations, violations, integrity', async () => {
    const d = await dossierFor(t.auditor);
    expect(d.personalDataMasked).toBe(false);
    expect(d.timeline.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    for (const [i, e] of events.entries())
      expect(d.timeline[i]).toMatchObject({
        revision: e.revision,
        position: e.position,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        actor: e.actor,
        causationId: e.causationId,
        hash: e.integrity.hash,
        data: e.data,
      });
    const acceptance = events.find((e) => e.type === 'ApplicationAccepted')!;
    expect(d.timeline.find((e) => e.eventId === acceptance.eventId)).toMatchObject({
      backdated: true,
      backdatedMinutes: 30,
      lateEntryReason: '系统故障，事后补录',
    });
    expect(d.deadlines).toEqual([
      expect.objectContaining({
        eventId: acceptance.eventId,
        deadline: acceptance.data.deadline,
        limitDays: 5,
      }),
    ]);
    const cardEvents = events.filter((e) => e.type.endsWith('Issued') && e.data.cardId !== undefined);
    expect(d.cards.map((c) => [c.cardId, c.level, c.deadline, c.issuedAt, c.eventId])).toEqual(
      cardEvents.map((e) => [e.data.cardId, e.data.level, e.data.deadline, e.occurredAt, e.eventId]),
    );
    for (const c of d.cards) expect(c.causedBy).toEqual([acceptance.eventId, c.eventId]);
    const explanation = events.find((e) => e.type === 'ExplanationSubmitted')!;
    const revocation = events.find((e) => e.type === 'CardRevoked')!;
    expect(d.cards.find((c) => c.level === 'yellow')!.explanation).toMatchObject({
      text: '材料需核验',
      eventId: explanation.eventId,
    });
    expect(d.cards.find((c) => c.level === 'red')!.revocation).toMatchObject({
      reason: '节假日数据有误',
      eventId: revocation.eventId,
    });
    expect(d.explanations.map((x) => x.eventId)).toEqual([explanation.eventId]);
    const byId = new Map(events.map((e) => [e.eventId, e]));
    expect(d.violations.map((v) => v.code)).toEqual(expect.arrayContaining(['BACKDATED_ENTRY', 'OVERDUE']));
    expect(d.violations.map((v) => v.code)).not.toContain('SERIOUSLY_OVERDUE'); // the red card was revoked (C4)
    for (const v of d.violations)
      for (const x of v.evidence)
        expect({ id: x.eventId, type: x.type }).toEqual({ id: x.eventId, type: byId.get(x.eventId)!.type });
    expect(d.accountabilityActions.map((a) => a.eventId)).toEqual(
      events.filter((e) => e.type === 'AccountabilityActionRecorded').map((e) => e.eventId),
    );
    expect(d.integrity).toEqual({ ok: true, checked: events.length });
    expect(d.case).toEqual(await caseNow(api, id, t.auditor));
  });

  it('masks personal data for supervisors (I1) and refuses other roles', async () => {
    const d = await dossierFor(t.supervisor);
    expect(d.personalDataMasked).toBe(true);
    expect(d.case.applicant).toMatchObject({
      name: '张*',
      idNumber: '110************234',
      phone: '1********00',
    });
    expect(JSON.stringify(d)).not.toContain('110101199003071234');
    expect(JSON.stringify(await dossierFor(t.auditor))).toContain('110101199003071234');
    for (const token of [t.window, t.guide, t.approver])
      expect((await api.request('GET', `/cases/${id}/dossier`, undefined, { token })).status).toBe(403);
    // R1: an admin reads no cases at all; for it the case does not exist.
    expect((await api.request('GET', `/cases/${id}/dossier`, undefined, { token: t.admin })).status).toBe(
      404,
    );
    expect((await api.request('GET', '/cases/nope/dossier', undefined, { token: t.auditor })).status).toBe(
      404,
    );
    expect(
      (await api.request('GET', `/cases/${id}/dossier?format=xml`, undefined, { token: t.auditor })).status,
    ).toBe(400);
    // API.md: every query takes minPosition, and a malformed one is refused naming it.
    expect(
      (await api.request('GET', `/cases/${id}/dossier?minPosition=nonsense`, undefined, { token: t.auditor }))
        .body,
    ).toMatchObject({ status: 400, errors: [{ field: 'minPosition' }] });
  });

  it('answers JSON when the Accept header does not prefer HTML (RFC 9110 q-values), HTML only when it does', async () => {
    for (const accept of [
      'text/html;q=0, application/json',
      'application/json, text/html;q=0.5',
      '*/*',
      'image/png',
    ]) {
      const res = await api.request('GET', `/cases/${id}/dossier`, undefined, {
        token: t.auditor,
        headers: { accept },
      });
      expect({ accept, status: res.status, type: res.headers.get('content-type') }).toEqual({
        accept,
        status: 200,
        type: expect.stringMatching(/^application\/json/),
      });
    }
  });

  it('prints as an HTML page: Chinese labels, every text escaped, cards linked to the events that caused them', async () => {
    const asks: { path: string; headers: Record<string, string> }[] = [
      { path: `/cases/${id}/dossier?format=html`, headers: {} },
      { path: `/cases/${id}/dossier`, headers: { accept: 'text/html,application/xhtml+xml' } },
      { path: `/cases/${id}/dossier`, headers: { accept: 'TEXT/HTML' } },
      { path: `/cases/${id}/dossier`, headers: { accept: 'application/json;q=0.5, text/html' } },
    ];
    for (const ask of asks) {
      const res = await api.request('GET', ask.path, undefined, { token: t.auditor, headers: ask.headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
      const html = res.body as unknown as string;
      expect(html).toContain('<h1>办件档案</h1>');
      expect(html).toContain('黄牌');
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(');
      for (const e of events) expect(html).toContain(`id="ev-${e.eventId}"`);
      const yellow = events.find((e) => e.type === 'YellowCardIssued')!;
      const acceptance = events.find((e) => e.type === 'ApplicationAccepted')!;
      expect(html).toContain(`href="#ev-${yellow.eventId}"`);
      expect(html).toContain(`href="#ev-${acceptance.eventId}"`);
      expect(html).toContain('哈希链完整');
    }
  });

  it('exports the events as CSV: RFC 4180, UTF-8 with BOM, one row per event', async () => {
    const res = await fetch(`${api.url}/cases/${id}/events?format=csv`, {
      headers: { authorization: `Bearer ${t.auditor}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="case-${id}-events.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'revision',
      'position',
      'type',
      'occurredAt',
      'recordedAt',
      'actorId',
      'actorName',
      'actorRole',
      'actorDepartmentId',
      'actorWindowId',
      'correlationId',
      'causationId',
      'data',
      'hash',
    ]);
    expect(rows).toHaveLength(events.length);
    for (const [i, e] of events.entries()) {
      const row = rows[i]!;
      expect(row.slice(0, 8)).toEqual([
        String(e.revision),
        e.position,
        e.type,
        e.occurredAt,
        e.recordedAt,
        e.actor.id,
        e.actor.name,
        e.actor.role,
      ]);
      expect(JSON.parse(row[12]!)).toEqual(e.data);
      expect(row[13]).toBe(e.integrity.hash);
    }
    expect(JSON.parse(rows[0]![12]!)).toMatchObject({ question: QUESTION }); // commas, quotes and a line break survive

    const supervisor = await api.request('GET', `/cases/${id}/events?format=csv`, undefined, {
      token: t.supervisor,
    });
    expect(supervisor.status).toBe(200);
    expect(supervisor.body as unknown as string).not.toContain('110101199003071234');
    expect(
      (await api.request('GET', `/cases/${id}/events?format=csv`, undefined, { token: t.window })).status,
    ).toBe(403);
    expect(
      (await api.request('GET', `/cases/${id}/events?format=pdf`, undefined, { token: t.auditor })).status,
    ).toBe(400);
    const page = await api.request<string>('GET', `/cases/${id}/events?format=csv&limit=2`, undefined, {
      token: t.auditor,
    });
    expect(parseCsv(page.body.slice(1))).toHaveLength(3);
  });
});
