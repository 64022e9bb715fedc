/**
 * Property-based fuzz over every command route (issue 5.6): 2,000 generated requests — well-formed
 * bodies, bodies with wrong types, missing and unknown fields, arbitrary JSON, malformed text,
 * random roles, If-Match and Idempotency-Key headers — against cases in every state. Whatever is
 * sent, the API never answers 5xx, and a rejected request records no event anywhere in the store.
 * The administration commands (centers, matters, calendar years, policy) are fuzzed alongside.
 */
import fc from 'fast-check';
import { START, type Position } from '#infra/event-store/event-store.port.js';
import { startApi, type TestApi } from './support/api-harness.js';
import { caseAt, defineMatters, tokens, type CaseStage, type Tokens } from './support/case-fixtures.js';

const RUNS = 2000;

const anything = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
/** `value` one time in `odds`, absent otherwise (fc.option's freq counts the other way round). */
const sometimes = <T>(value: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: odds - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

const text = fc.oneof(fc.constantFrom('', ' ', '材料齐全', '王芳', 'SL-0001'), fc.string({ maxLength: 30 }));
const instant = fc.oneof(
  fc.constantFrom(
    '2026-03-02T09:00:00+08:00',
    '2026-03-02T08:00:00+08:00',
    '2030-01-01T00:00:00Z',
    '2026-02-30T09:00:00+08:00',
    'yesterday',
  ),
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2031-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
const material = fc.record(
  { code: fc.constantFrom('id', 'lease', 'x'), name: text },
  { requiredKeys: ['code'] },
);
const materials = fc.array(fc.oneof(material, anything), { maxLength: 3 });
const common = { occurredAt: instant, lateEntryReason: text };

type Fields = Record<string, fc.Arbitrary<unknown>>;

/** Each command route with the fields its body may have (good values; mutations come on top). */
const ROUTES: readonly { readonly path: (id: string) => string; readonly fields: Fields }[] = [
  {
    path: () => '/cases/inquiries',
    fields: {
      centerId: fc.constantFrom('center-1', 'center-2'),
      channel: fc.constantFrom('window', 'phone', 'online', 'fax'),
      applicant: fc.record(
        { kind: fc.constantFrom('person', 'company', 'robot'), name: text, idNumber: text, phone: text },
        { requiredKeys: ['kind', 'name'] },
      ),
      question: text,
      matterCode: fc.constantFrom('M-001', 'M-999'),
    },
  },
  { path: (id) => `/cases/${id}/answer`, fields: { answer: text } },
  {
    path: (id) => `/cases/${id}/referral`,
    fields: { toDepartmentId: text, toWindowId: text, handlerName: text, handlerPhone: text, note: text },
  },
  {
    path: (id) => `/cases/${id}/application`,
    fields: { matterCode: fc.constantFrom('M-001', 'M-002', 'M-999'), materials },
  },
  {
    path: (id) => `/cases/${id}/supplement-notices`,
    fields: {
      noticeNo: text,
      items: fc.array(
        fc.record(
          {
            code: fc.constantFrom('id', 'lease'),
            name: text,
            problem: fc.constantFrom('missing', 'nonconforming', 'lost'),
            note: text,
          },
          { requiredKeys: ['code', 'name', 'problem'] },
        ),
        { maxLength: 3 },
      ),
      onlyNewMaterials: fc.boolean(),
    },
  },
  { path: (id) => `/cases/${id}/supplement`, fields: { materials } },
  {
    path: (id) => `/cases/${id}/rejection`,
    fields: {
      noticeNo: text,
      reasons: fc.array(text, { maxLength: 3 }),
      competentAuthority: text,
      outsideCompetence: fc.boolean(),
    },
  },
  { path: (id) => `/cases/${id}/acceptance`, fields: { receiptNo: text } },
  {
    path: (id) => `/cases/${id}/suspensions`,
    fields: {
      type: fc.constantFrom('hearing', 'testing', 'site_survey', 'nap'),
      reason: text,
      applicantNotifiedAt: instant,
    },
  },
  {
    path: (id) =>
      `/cases/${id}/suspensions/${fc.sample(fc.constantFrom('1', '2', '0', 'x'), 1)[0]}/resumption`,
    fields: {},
  },
  {
    path: (id) => `/cases/${id}/extension`,
    fields: {
      days: fc.oneof(fc.integer({ min: -2, max: 20 }), fc.double()),
      reason: text,
      applicantNotifiedAt: instant,
      channel: fc.constantFrom('sms', 'phone', 'pigeon'),
    },
  },
  {
    path: (id) => `/cases/${id}/completion`,
    fields: {
      outcome: fc.constantFrom('approved', 'denied', 'maybe'),
      decisionNo: text,
      reasons: fc.array(text, { maxLength: 2 }),
    },
  },
  { path: (id) => `/cases/${id}/withdrawal`, fields: { reason: text } },
  {
    path: (id) => `/cases/${id}/complaints`,
    fields: {
      channel: text,
      subject: fc.record(
        { kind: fc.constantFrom('case', 'staff', 'window', 'moon'), id: text },
        { requiredKeys: ['kind'] },
      ),
      content: text,
    },
  },
  {
    path: (id) => `/cases/${id}/complaints/c-1/conclusion`,
    fields: { substantiated: fc.boolean(), reply: text },
  },
  {
    path: (id) => `/cases/${id}/evaluations`,
    fields: { score: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.double()), comment: text },
  },
  { path: (id) => `/cases/${id}/evaluations/1/rectification`, fields: { valid: fc.boolean(), action: text } },
  { path: (id) => `/cases/${id}/cards/yellow-202603020930/explanation`, fields: { text } },
  { path: (id) => `/cases/${id}/cards/yellow-202603020930/revocation`, fields: { reason: text } },
  {
    path: (id) => `/cases/${id}/accountability-actions`,
    fields: { violationId: text, action: fc.constantFrom('reminder', 'warning', 'jail'), note: text },
  },
];

const whole = fc.oneof(fc.integer({ min: -1, max: 60 }), fc.double());
const hhmm = fc.oneof(
  fc.constantFrom('08:30', '12:00', '14:30', '17:30', '25:00', '8:30'),
  fc.string({ maxLength: 5 }),
);
const day = fc.oneof(
  fc.constantFrom('2031-01-01', '2031-02-01', '2031-02-08', '2031-02-30', '2030-12-31'),
  fc.string({ maxLength: 10 }),
);

/** The administration commands, on streams of their own (method PUT). */
const ADMIN_ROUTES: readonly { readonly path: string; readonly fields: Fields }[] = [
  {
    path: '/admin/centers/center-fuzz',
    fields: { name: text, officeHours: fc.array(fc.record({ start: hhmm, end: hhmm }), { maxLength: 3 }) },
  },
  {
    path: '/admin/matters/M-FUZZ',
    fields: {
      name: text,
      departmentId: fc.constantFrom('dept-market', 'dept-tax'),
      kind: fc.constantFrom('immediate', 'promised', 'escalated', 'eventually'),
      statutoryLimitDays: whole,
      promisedLimitDays: whole,
      maxExtensionDays: whole,
      immediateLimitMinutes: whole,
      joint: fc.boolean(),
      requiredMaterials: fc.array(fc.record({ code: text, name: text }), { maxLength: 2 }),
    },
  },
  {
    path: '/admin/calendar/2031',
    fields: {
      notice: text,
      holidays: fc.array(day, { maxLength: 3 }),
      workdays: fc.array(day, { maxLength: 2 }),
    },
  },
  {
    path: '/admin/policy/timeliness',
    fields: {
      version: fc.oneof(fc.constantFrom('default-2026.1', 'fuzz-1'), fc.string({ maxLength: 8 })),
      warningLeads: fc.array(fc.record({ maxLimitDays: whole, leadDays: whole }), { maxLength: 3 }),
      immediateWarningLeadMinutes: whole,
      redAfterOverdueDays: whole,
      explanationDays: whole,
      supplementNoticeDays: whole,
      referralFollowUpDays: whole,
      complaintDays: whole,
      rectificationDays: whole,
      callbackDays: whole,
      appealDays: whole,
      publicCriticism: fc.record({ consecutiveLate: whole, withinDays: whole }),
    },
  },
];

/** A body: each documented field present or not, good or of any type, plus perhaps an unknown one. */
const bodyFor = (fields: Fields, withCommon = true): fc.Arbitrary<{ raw?: string; body?: unknown }> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record(
          Object.fromEntries([
            // Documented fields: usually present and of the right kind, sometimes anything at all.
            ...Object.entries(fields).map(([k, good]) => [
              k,
              fc.option(fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: anything }), {
                nil: undefined,
              }),
            ]),
            // U2's fields: now and then, to reach back-dating and future refusals too.
            ...(withCommon ? Object.entries(common).map(([k, good]) => [k, sometimes(good, 4)]) : []),
          ]),
        )
        .chain((b) =>
          sometimes(
            fc.tuple(fc.constantFrom('extra', 'actor', '__proto__', 'constructor', 'caseId'), anything),
            6,
          ).map((extra) => {
            const clean = Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined));
            return { body: extra ? { ...clean, [extra[0]]: extra[1] } : clean };
          }),
        ),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ body: v })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '{"a":',
          'null',
          '[]',
          '"x"',
          '{"__proto__":{"polluted":1}}',
          '{"constructor":{"prototype":{"x":1}}}',
          '\u0000',
        )
        .map((raw) => ({ raw })),
    },
  );

describe('command fuzz (PGlite)', () => {
  let api: TestApi;
  let t: Tokens;
  const cases: string[] = [];

  beforeAll(async () => {
    api = await startApi('pglite');
    t = await tokens();
    await defineMatters(api, t);
    const stages: CaseStage[] = [
      'inquiry',
      'received',
      'awaitingSupplement',
      'accepted',
      'suspended',
      'completed',
    ];
    for (const stage of stages)
      for (let i = 0; i < 3; i++)
        cases.push(await caseAt(api, t, stage, { matter: i === 2 ? 'M-002' : 'M-001' }));
  });
  afterAll(() => api?.close());

  it(`never answers 5xx and records nothing for a rejected request (${RUNS} requests)`, async () => {
    let position: Position = START;
    // Skip what the set-up recorded.
    for (;;) {
      const page = await api.store.readAll(position, { batchSize: 1000 });
      position = page.nextPosition;
      if (page.caughtUp) break;
    }
    const roles = Object.keys(t) as (keyof Tokens)[];
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: ROUTES.length + ADMIN_ROUTES.length - 1 }).chain((r) =>
          fc.record({
            route: fc.constant(r),
            caseIndex: fc.integer({ min: 0, max: cases.length }),
            role: fc.constantFrom(...roles),
            payload:
              r < ROUTES.length
                ? bodyFor(ROUTES[r]!.fields)
                : bodyFor(ADMIN_ROUTES[r - ROUTES.length]!.fields, false),
            ifMatch: sometimes(fc.constantFrom('"0"', '"3"', '*', 'W/"2"', 'garbage'), 8),
            key: sometimes(fc.constantFrom('k-1', 'k-2', ' bad key\n'), 6),
          }),
        ),
        async ({ route, caseIndex, role, payload, ifMatch, key }) => {
          const caseId = cases[caseIndex] ?? 'no-such-case';
          const headers: Record<string, string> = {};
          if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
          if (key !== undefined && !key.includes('\n')) headers['Idempotency-Key'] = key;
          const admin = route >= ROUTES.length;
          const path = admin ? ADMIN_ROUTES[route - ROUTES.length]!.path : ROUTES[route]!.path(caseId);
          const res = await api.request(admin ? 'PUT' : 'POST', path, payload.body, {
            token: t[role],
            headers,
            ...(payload.raw !== undefined && { raw: payload.raw }),
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (process.env.FUZZ_DEBUG)
            codes.set(
              `${path.split('/').slice(-1)[0]} ${res.status} ${String((res.body as { code?: string })?.code)}`,
              (codes.get(
                `${path.split('/').slice(-1)[0]} ${res.status} ${String((res.body as { code?: string })?.code)}`,
              ) ?? 0) + 1,
            );
          expect(res.status).toBeLessThan(500);
          const page = await api.store.readAll(position, { batchSize: 100 });
          position = page.nextPosition;
          if (res.status >= 400) {
            expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
            expect(page.events).toEqual([]);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20260302) },
    );
    if (process.env.FUZZ_DEBUG) console.log([...codes].sort((a, b) => b[1] - a[1]).slice(0, 40));
    // The fuzz is useful only if it reaches the domain too, not just the validator.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([201, 400, 403, 409, 422]));
  }, 180_000);
});
