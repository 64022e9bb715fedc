/**
 * Sample data of the suites (Chinese, as at a county center) and the steps that bring a case to a
 * state: each returns the case id, failing loudly when a step is refused. The single steps they take
 * are case-steps.ts's.
 */

import type { StaffRole } from '#domain/actor/actor.js';
import type { callsTo } from '../../support/http-request.js';
import { tokenFor, type TestApi } from './api-harness.js';
import { applyFor, approve, expectOk, suspendForInspection } from './case-steps.js';

// The steps are case-steps.ts's; the suites have long imported expectOk from here.
export { expectOk };

export const PROMISED_MATTER = {
  name: '食品经营许可',
  departmentId: 'dept-market',
  kind: 'promised',
  promisedLimitDays: 5,
  requiredMaterials: [
    { code: 'id', name: '身份证' },
    { code: 'lease', name: '场地租赁合同' },
  ],
};

export const IMMEDIATE_MATTER = {
  name: '个体工商户名称变更',
  departmentId: 'dept-market',
  kind: 'immediate',
  promisedLimitDays: 0,
  requiredMaterials: [{ code: 'id', name: '身份证' }],
};

/** The body of PUT /admin/matters/{code} the fixtures send. */
export interface MatterDefinition {
  readonly name: string;
  readonly departmentId: string;
  readonly kind: 'immediate' | 'promised' | 'escalated';
  readonly promisedLimitDays: number;
  readonly requiredMaterials: readonly { readonly code: string; readonly name: string }[];
}

/** A promised matter of the other department (dept-tax), which `Tokens.otherWindow` handles. */
export const TAX_MATTER: MatterDefinition = {
  name: '税务登记',
  departmentId: 'dept-tax',
  kind: 'promised',
  promisedLimitDays: 5,
  requiredMaterials: [],
};

export const INQUIRY = {
  centerId: 'center-1',
  channel: 'window',
  applicant: { kind: 'person', name: '张三', idNumber: '110101199003071234', phone: '13800138000' },
  question: '如何办理食品经营许可？',
};

/** A complaint without a case (P1) about window win-3, with its complainant's name and phone (I1, I2). */
export const COMPLAINT = {
  centerId: 'center-1',
  channel: 'hotline',
  subject: { kind: 'window', id: 'win-3' },
  content: '窗口无人',
  complainant: { name: '李四', phone: '13900139000' },
};

/** center-1 as the admin configures it: its name and the default office hours. */
export const CENTER = {
  name: '某某县政务服务中心',
  officeHours: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '17:30' },
  ],
};

export interface Tokens {
  readonly guide: string;
  readonly proxy: string;
  readonly window: string;
  readonly approver: string;
  readonly supervisor: string;
  readonly auditor: string;
  readonly admin: string;
  /** A window clerk of another department. */
  readonly otherWindow: string;
  readonly otherApprover: string;
}

export async function tokens(): Promise<Tokens> {
  const roles: StaffRole[] = ['guide', 'proxy', 'window', 'approver', 'supervisor', 'auditor', 'admin'];
  const list = await Promise.all(roles.map((r) => tokenFor(r)));
  return {
    ...(Object.fromEntries(roles.map((r, i) => [r, list[i]])) as Record<StaffRole, string>),
    otherWindow: await tokenFor('window', {
      sub: 'u-window-tax',
      name: '窗口赵强',
      departmentId: 'dept-tax',
      windowId: 'win-9',
    }),
    otherApprover: await tokenFor('approver', {
      sub: 'u-approver-tax',
      name: '科长钱伟',
      departmentId: 'dept-tax',
    }),
  } as Tokens;
}

/** A staff member of `role` in center-2, whose scope holds none of center-1's cases (R1). */
export function centerTwoToken(role: StaffRole): Promise<string> {
  return tokenFor(role, { sub: `u-${role}-c2`, centerId: 'center-2' });
}

/** A case of center-2 (INQUIRY there), registered and applied for by `window`, a window clerk of center-2. */
export async function appliedCaseOfCenterTwo(api: TestApi, window: string): Promise<string> {
  const created = await expectOk(
    api,
    'POST',
    '/cases/inquiries',
    { ...INQUIRY, centerId: 'center-2' },
    window,
  );
  const id = created.caseId as string;
  await applyFor(api, id, window);
  return id;
}

/** Configures center-1 (CENTER with `changes`: another name, local suspension types …), as the admin. */
export async function defineCenter(
  api: TestApi,
  t: Tokens,
  changes: Record<string, unknown> = {},
): Promise<void> {
  await expectOk(api, 'PUT', '/admin/centers/center-1', { ...CENTER, ...changes }, t.admin);
}

export async function defineMatters(api: TestApi, t: Tokens): Promise<void> {
  await expectOk(api, 'PUT', '/admin/matters/M-001', PROMISED_MATTER, t.admin);
  await expectOk(api, 'PUT', '/admin/matters/M-002', IMMEDIATE_MATTER, t.admin);
}

/** center-1 configured (CENTER), then the fixture matters: a whole life's suite's configuration. */
export async function defineCenterAndMatters(api: TestApi, t: Tokens): Promise<void> {
  await defineCenter(api, t);
  await defineMatters(api, t);
}

/** Defines the tax matter as `code` (with `changes` to TAX_MATTER), as the admin. */
export async function defineTaxMatter(
  api: TestApi,
  t: Tokens,
  code: string,
  changes: Partial<MatterDefinition> = {},
): Promise<void> {
  await expectOk(api, 'PUT', `/admin/matters/${code}`, { ...TAX_MATTER, ...changes }, t.admin);
}

/** A case of the tax matter `matterCode`, registered, applied for and accepted by the tax window. */
export async function acceptedTaxCase(
  api: TestApi,
  t: Tokens,
  matterCode: string,
  receiptNo: string,
  inquiry: Record<string, unknown> = INQUIRY,
): Promise<string> {
  const id = (await expectOk(api, 'POST', '/cases/inquiries', inquiry, t.otherWindow)).caseId as string;
  await applyFor(api, id, t.otherWindow, { matterCode });
  await expectOk(api, 'POST', `/cases/${id}/acceptance`, { receiptNo }, t.otherWindow);
  return id;
}

export type CaseStage =
  'inquiry' | 'received' | 'awaitingSupplement' | 'accepted' | 'suspended' | 'completed';

/** A case brought to `stage` by the window clerk (registered by `registeredBy`, default the window). */
export async function caseAt(
  api: TestApi,
  t: Tokens,
  stage: CaseStage,
  options: { matter?: string; registeredBy?: string } = {},
): Promise<string> {
  const created = await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, options.registeredBy ?? t.window);
  const id = created.caseId as string;
  if (stage === 'inquiry') return id;
  await applyFor(api, id, t.window, {
    matterCode: options.matter ?? 'M-001',
    materials: [{ code: 'id', name: '身份证' }],
  });
  if (stage === 'received') return id;
  if (stage === 'awaitingSupplement') {
    await expectOk(
      api,
      'POST',
      `/cases/${id}/supplement-notices`,
      { noticeNo: 'BZ-0001', items: [{ code: 'lease', name: '场地租赁合同', problem: 'missing' }] },
      t.window,
    );
    return id;
  }
  await expectOk(api, 'POST', `/cases/${id}/acceptance`, { receiptNo: 'SL-0001' }, t.window);
  if (stage === 'accepted') return id;
  if (stage === 'suspended') {
    await suspendForInspection(api, t, id, '需检验', '2026-03-02T09:00:00+08:00');
    return id;
  }
  await approve(api, id, 'JD-0001', t.window);
  // T12: an approval closes when its licence is delivered.
  await expectOk(api, 'POST', `/cases/${id}/delivery`, { channel: 'window_pickup' }, t.window);
  return id;
}

/**
 * For a suite whose API runs in a child process (`ok` of callsTo): defines M-001, registers an
 * inquiry, applies with both materials and accepts, as the window clerk; the acceptance's answer.
 */
export async function acceptedCaseOver(
  ok: ReturnType<typeof callsTo>['ok'],
  t: Tokens,
): Promise<{ readonly caseId: string; readonly accepted: Record<string, unknown> }> {
  await ok('PUT', '/admin/matters/M-001', t.admin, PROMISED_MATTER);
  const created = await ok('POST', '/cases/inquiries', t.window, INQUIRY);
  const caseId = created.caseId as string;
  await ok('POST', `/cases/${caseId}/application`, t.window, {
    matterCode: 'M-001',
    materials: PROMISED_MATTER.requiredMaterials,
  });
  const accepted = await ok('POST', `/cases/${caseId}/acceptance`, t.window, { receiptNo: 'SL-0001' });
  return { caseId, accepted };
}
