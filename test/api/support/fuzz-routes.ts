/**
 * What the command fuzz (../command-fuzz.spec.ts) sends: each command route and administration
 * route with the fields its body may have (good values), and the bodies made from them (good,
 * mistyped, missing, unknown fields, arbitrary JSON, malformed text).
 */
import fc from 'fast-check';

export const anything = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
/** `value` one time in `odds`, absent otherwise (fc.option's freq counts the other way round). */
export const sometimes = <T>(value: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | undefined> =>
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

export type Fields = Record<string, fc.Arbitrary<unknown>>;

/** Each command route with the fields its body may have (good values; mutations come on top). */
export const ROUTES: readonly { readonly path: (id: string) => string; readonly fields: Fields }[] = [
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
export const ADMIN_ROUTES: readonly { readonly path: string; readonly fields: Fields }[] = [
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
export const bodyFor = (fields: Fields, withCommon = true): fc.Arbitrary<{ raw?: string; body?: unknown }> =>
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
