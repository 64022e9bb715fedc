/**
 * Hostile input over HTTP (issue 11 "Build also", findings 2, 7, 8): valid commands with one value
 * replaced, anywhere in the body, by a NUL, an unpaired surrogate, JSON nested past 32 levels, a
 * huge number, or a year 0001 or 9999 instant — every inquiry carrying a generated ID number and
 * phone. Whatever is sent: no 5xx, nothing recorded from a refused command, and afterwards the
 * captured log (level info) holds none of the ID numbers and phones the run used (I1).
 */
import fc from 'fast-check';
import { startApi, type TestApi } from './support/api-harness.js';
import { nothingRecordedOnRefusal } from './support/fuzz-invariant.js';
import { capturedLog } from './support/captured-log.js';
import { caseAt, INQUIRY, PROMISED_MATTER, type Tokens } from './support/case-fixtures.js';
import { useTestApi } from './support/test-api-stand.js';

const RUNS = 400;
const NOTIFIED = '2026-03-02T09:00:00+08:00';

const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** 18-character ID numbers: region, birth date, sequence, check character. */
const idNumber = fc
  .tuple(
    digits(6),
    fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }),
    digits(3),
    fc.constantFrom(...'0123456789X'),
  )
  .map(
    ([region, born, seq, check]) =>
      `${region}${born.toISOString().slice(0, 10).replaceAll('-', '')}${seq}${check}`,
  );
const phone = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);

const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '王\u0000芳', '\ud800', 'x\udfff', '\udbff\udbff', '材\ud83d料'),
  fc.integer({ min: 33, max: 400 }).map((d) => nested(d, 'x')),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 2_800_000, 1e21, -1, 0.5, 366),
  fc.constantFrom(
    '0001-01-01T00:00:00+08:00',
    '9999-12-31T23:59:59+08:00',
    '0001-01-01',
    '9999-12-31',
    '12759-06-30T17:30:00+08:00',
    '1999-12-31T23:59:59+08:00',
    '2100-01-01T00:00:00+08:00',
  ),
);

type Role = keyof Tokens;
interface Route {
  readonly method: 'POST' | 'PUT';
  readonly path: (cases: Record<string, string>) => string;
  readonly role: Role;
  readonly body: (person: { idNumber: string; phone: string }) => Record<string, unknown>;
}

const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: () => '/cases/inquiries',
    role: 'window',
    body: (p) => ({ ...INQUIRY, applicant: { kind: 'person', name: '张三', ...p } }),
  },
  {
    method: 'POST',
    path: (c) => `/cases/${c.inquiry}/referral`,
    role: 'window',
    body: (p) => ({ toDepartmentId: 'dept-tax', handlerName: '李明', handlerPhone: p.phone, note: '转办' }),
  },
  {
    method: 'POST',
    path: (c) => `/cases/${c.inquiry}/application`,
    role: 'window',
    body: () => ({ matterCode: 'M-001', materials: [{ code: 'id', name: '身份证' }] }),
  },
  {
    method: 'POST',
    path: (c) => `/cases/${c.received}/acceptance`,
    role: 'window',
    body: () => ({ receiptNo: 'SL-9' }),
  },
  {
    method: 'POST',
    path: (c) => `/cases/${c.accepted}/suspensions`,
    role: 'window',
    body: () => ({ type: 'hearing', reason: '听证', applicantNotifiedAt: NOTIFIED }),
  },
  {
    method: 'POST',
    path: (c) => `/cases/${c.accepted}/extension`,
    role: 'approver',
    body: () => ({ days: 2, reason: '复杂', applicantNotifiedAt: NOTIFIED, channel: 'sms' }),
  },
  {
    method: 'POST',
    path: (c) => `/cases/${c.accepted}/complaints`,
    role: 'supervisor',
    body: (p) => ({ channel: '电话', subject: { kind: 'case' }, content: `来电 ${p.phone}` }),
  },
  {
    method: 'POST',
    path: (c) => `/cases/${c.accepted}/evaluations`,
    role: 'window',
    body: () => ({ score: 2, comment: '慢' }),
  },
  {
    method: 'POST',
    path: (c) => `/cases/${c.received}/completion`,
    role: 'window',
    body: () => ({ outcome: 'approved', decisionNo: 'JD-9', occurredAt: NOTIFIED, lateEntryReason: '补录' }),
  },
  {
    method: 'PUT',
    path: () => '/admin/matters/M-FZ',
    role: 'admin',
    body: () => ({ ...PROMISED_MATTER, statutoryLimitDays: 20, maxExtensionDays: 10 }),
  },
  {
    method: 'POST',
    path: () => '/admin/clock',
    role: 'admin',
    body: () => ({ now: '2026-03-02T09:30:00+08:00' }),
  },
];

/** Every path to a value in `body` (objects and arrays, leaves included). */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length > 0 ? [[...prefix]] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function replaced(
  body: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

describe('hostile input fuzz (PGlite)', () => {
  let api: TestApi;
  let t: Tokens;
  const log = capturedLog();
  const cases: Record<string, string> = {};

  useTestApi(
    { open: () => startApi('pglite', undefined, { log: log.stream, logLevel: 'info' }) },
    (stand) => ({ api, t } = stand),
  );
  beforeAll(async () => {
    for (const stage of ['inquiry', 'received', 'accepted'] as const)
      cases[stage] = await caseAt(api, t, stage);
  }, 60_000);

  it(`findings 2, 7, 8: NUL, unpaired surrogates, deep nesting, huge numbers and years 0001/9999 in every field: no 5xx, nothing recorded when refused, no personal data in the log (${RUNS} requests)`, async () => {
    const checkAnswer = await nothingRecordedOnRefusal(api.store);
    const used = new Set<string>();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: ROUTES.length - 1 }),
        fc.nat(),
        hostile,
        idNumber,
        phone,
        fc.boolean(),
        async (r, pick, value, id, tel, addOccurredAt) => {
          const route = ROUTES[r]!;
          used.add(id);
          used.add(tel);
          const good = route.body({ idNumber: id, phone: tel });
          const paths = pathsOf(good);
          // Now and then the value goes where a body may carry an instant of its own (U2).
          const path = addOccurredAt ? ['occurredAt'] : paths[pick % paths.length]!;
          const body = replaced(good, path, value);
          const res = await api.request(route.method, route.path(cases), body, { token: t[route.role] });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect({ path: path.join('.'), status: res.status }).toEqual({
            path: path.join('.'),
            status: expect.any(Number),
          });
          await checkAnswer(res);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
    // The hostile values reach the validator and the domain's T14 bounds both.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([400, 422]));
    const text = log.text();
    expect(text.length).toBeGreaterThan(0);
    const leaked = [...used].filter((v) => text.includes(v));
    expect(leaked).toEqual([]);
  }, 180_000);
});
