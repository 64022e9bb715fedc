/**
 * R1: a list holds exactly the cases a read by id shows. `caseScopeFilter` (the worklist's, the
 * overdue view's and statistics' query over `case_views`) and the domain's `caseVisibleTo` (GET
 * /cases/{id} and every command) come from one definition, `visibleCases`; this checks the query
 * the read store runs against the domain's judgement: random cases (centers, departments,
 * referrals, proxies and first responders, null or absent) in a `case_views` collection with its
 * declared indexes, on FerretDB through the real driver (or MONGODB_TEST_URL), and random callers
 * of every role, with and without the claims their scope needs.
 */
import fc from 'fast-check';
import type { Collection, Document } from 'mongodb';
import { STAFF_ROLES, type Actor, type Role } from '#domain/actor/actor.js';
import { caseMatches, visibleCases, type ScopedCase } from '#domain/access/read-scope.js';
import { ensureIndexes } from '#infra/read-store/ensure-index.js';
import {
  CASE_VIEW_INDEXES,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { caseScopeFilter } from '../../apps/api/src/views/read-scope/case-scope-filter.js';
import { startTestReadServer, type TestReadServer } from './support/test-ferretdb.js';

const CENTERS = ['center-1', 'center-2'];
const DEPARTMENTS = ['dept-market', 'dept-tax'];
const STAFF = ['u-1', 'u-2', 'u-3'];
const ROLES: readonly Role[] = [...STAFF_ROLES, 'system', 'applicant'];

/** A value, null, or (undefined) absent from the document. */
const maybe = <T>(values: readonly T[]): fc.Arbitrary<T | null | undefined> =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, fc.constant(null), fc.constant(undefined));

const caseArb: fc.Arbitrary<ScopedCase> = fc.record({
  centerId: maybe(CENTERS),
  departmentId: maybe(DEPARTMENTS),
  proxyId: maybe(STAFF),
  referredToDepartmentId: maybe(DEPARTMENTS),
  firstResponderId: maybe(STAFF),
});

const actorArb: fc.Arbitrary<Actor> = fc
  .record({
    id: fc.constantFrom(...STAFF),
    role: fc.constantFrom(...ROLES),
    centerId: fc.option(fc.constantFrom(...CENTERS), { nil: undefined }),
    departmentId: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: undefined }),
  })
  .map(({ centerId, departmentId, ...rest }) => ({
    ...rest,
    name: '测试',
    ...(centerId !== undefined && { centerId }),
    ...(departmentId !== undefined && { departmentId }),
  }));

/** The document as the projection stores it: absent fields left out. */
const documentOf = (id: number, c: ScopedCase): Document => ({
  _id: `case-${id}`,
  ...Object.fromEntries(Object.entries(c).filter(([, value]) => value !== undefined)),
});

describe('the read store’s scope query holds exactly the cases the domain lets a caller read (R1)', () => {
  let server: TestReadServer;
  let views: Collection<StoredCaseViewDocument>;
  let cases: ScopedCase[];

  beforeAll(async () => {
    server = await startTestReadServer();
    const store = await server.database('scope_filter');
    views = store.db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews);
    await ensureIndexes(views, CASE_VIEW_INDEXES);
    cases = fc.sample(caseArb, { numRuns: 300, seed: 19 });
    await store.db.collection(READ_MODELS.caseViews).insertMany(cases.map((c, i) => documentOf(i, c)));
  }, 60_000);
  afterAll(() => server?.close());

  it('R1: for any caller, the query finds the cases caseMatches(visibleCases(caller)) accepts, and no other', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, async (actor) => {
        const scope = caseScopeFilter(actor);
        const expected = cases.flatMap((c, i) => (caseMatches(visibleCases(actor), c) ? [`case-${i}`] : []));
        const found =
          scope.sees === 'nothing'
            ? []
            : (await views.find(scope.sees, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id));
        expect({ actor, found: found.sort() }).toEqual({ actor, found: expected.sort() });
      }),
      { numRuns: 120, seed: 13 },
    );
  }, 120_000);

  it('R1, F1: a window reads its department’s cases of its center, the center’s inquiries without a department, those referred to it and those it first answered', () => {
    const clerk: Actor = {
      id: 'u-1',
      name: '王芳',
      role: 'window',
      centerId: 'center-1',
      departmentId: 'dept-market',
    };
    const reads = (c: ScopedCase): boolean => caseMatches(visibleCases(clerk), c);
    expect(reads({ centerId: 'center-1', departmentId: 'dept-market' })).toBe(true);
    expect(reads({ centerId: 'center-1', departmentId: null })).toBe(true);
    expect(
      reads({ centerId: 'center-1', departmentId: 'dept-tax', referredToDepartmentId: 'dept-market' }),
    ).toBe(true);
    expect(reads({ centerId: 'center-1', departmentId: 'dept-tax', firstResponderId: 'u-1' })).toBe(true);
    expect(reads({ centerId: 'center-1', departmentId: 'dept-tax' })).toBe(false);
    expect(reads({ centerId: 'center-2', departmentId: null })).toBe(false);
    expect(reads({ centerId: 'center-2', departmentId: 'dept-tax', firstResponderId: 'u-1' })).toBe(false);
    expect(caseScopeFilter(clerk)).toEqual({
      sees: {
        centerId: 'center-1',
        $or: [
          { departmentId: 'dept-market' },
          { departmentId: null },
          { referredToDepartmentId: 'dept-market' },
          { firstResponderId: 'u-1' },
        ],
      },
    });
  });
});
