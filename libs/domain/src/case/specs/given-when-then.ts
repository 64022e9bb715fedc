/** Test support for case specifications: given events, when a command, then events or a rule. */
import type { Actor } from '../../actor/actor.js';
import {
  createWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  parseInstant,
  type OfficeClock,
} from '../../calendar/index.js';
import type { Matter } from '../../catalog/matter.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '../../timeliness/timeliness-policy.js';
import type { CaseCommand } from '../case-commands.js';
import type { CaseEvent } from '../case-events.js';
import { initialState, type CaseState } from '../case-state.js';
import { decide, type Decision } from '../decide.js';
import { foldCase } from '../evolve.js';

export const calendar = createWorkingCalendar();
export const clock: OfficeClock = { calendar, hours: DEFAULT_OFFICE_HOURS };

const staff = (
  id: string,
  name: string,
  role: Actor['role'],
  departmentId?: string,
  windowId?: string,
): Actor => ({
  id,
  name,
  role,
  centerId: 'center-1',
  ...(departmentId !== undefined && { departmentId }),
  ...(windowId !== undefined && { windowId }),
});

export const guide = staff('u-guide', '导办员小李', 'guide', 'dept-service');
export const windowClerk = staff('u-window', '窗口王芳', 'window', 'dept-market', 'win-3');
export const otherWindow = staff('u-window-2', '窗口赵强', 'window', 'dept-tax', 'win-9');
export const approver = staff('u-approver', '科长陈明', 'approver', 'dept-market');
export const supervisor = staff('u-super', '督查刘洋', 'supervisor', 'dept-office');
export const auditor = staff('u-audit', '纪检孙丽', 'auditor', 'dept-discipline');
export const proxy = staff('u-proxy', '代办周杰', 'proxy', 'dept-service');
export const system: Actor = { id: 'system:supervision', name: '电子监察系统', role: 'system' };

export const promisedMatter: Matter = {
  code: 'M-001',
  name: '食品经营许可',
  departmentId: 'dept-market',
  kind: 'promised',
  statutoryLimitDays: 20,
  promisedLimitDays: 5,
  maxExtensionDays: 10,
  immediateLimitMinutes: 30,
  joint: false,
  requiredMaterials: [
    { code: 'id', name: '身份证' },
    { code: 'lease', name: '场地租赁合同' },
  ],
};
export const immediateMatter: Matter = {
  ...promisedMatter,
  code: 'M-002',
  name: '个体工商户名称变更',
  kind: 'immediate',
};

export const at = (iso: string): number => parseInstant(iso);

export interface SpecContext {
  readonly now: string;
  readonly matter?: Matter;
  readonly policy?: TimelinessPolicy;
  readonly clock?: OfficeClock;
  readonly localSuspensionTypes?: readonly string[];
}

/** Decides `command` against the state the given events build, at `now`. */
export function when(given: readonly CaseEvent[], command: CaseCommand, ctx: SpecContext): Decision {
  const state = foldCase(given, initialState);
  return decide(command, state, {
    now: at(ctx.now),
    clock: ctx.clock ?? clock,
    policy: ctx.policy ?? DEFAULT_TIMELINESS_POLICY,
    ...(ctx.matter !== undefined && { matter: ctx.matter }),
    ...(ctx.localSuspensionTypes !== undefined && { localSuspensionTypes: ctx.localSuspensionTypes }),
  });
}

/** The events of a successful decision; fails the test with the refusal otherwise. */
export function events(decision: Decision): readonly CaseEvent[] {
  if (!Array.isArray(decision)) throw new Error(`expected events, got ${JSON.stringify(decision)}`);
  return decision as readonly CaseEvent[];
}

/** Runs commands one after the other at the given times, each on the state the previous built. */
export function history(steps: readonly [CaseCommand, SpecContext][]): CaseEvent[] {
  const all: CaseEvent[] = [];
  for (const [command, ctx] of steps) all.push(...events(when(all, command, ctx)));
  return all;
}

export function stateOf(given: readonly CaseEvent[]): CaseState {
  return foldCase(given, initialState);
}

/** A case accepted at `acceptedAt` (ISO) for `matter`, its application received at the same instant. */
export function acceptedCase(
  acceptedAt: string,
  matter: Matter = promisedMatter,
  caseId = 'case-1',
): CaseEvent[] {
  return history([
    [
      {
        type: 'RegisterInquiry',
        actor: windowClerk,
        caseId,
        centerId: 'center-1',
        channel: 'window',
        applicant: { kind: 'person', name: '张三', idNumber: '110101199003071234', phone: '13800138000' },
        question: '如何办理食品经营许可？',
      },
      { now: acceptedAt },
    ],
    [
      {
        type: 'SubmitApplication',
        actor: windowClerk,
        matterCode: matter.code,
        materials: [{ code: 'id' }, { code: 'lease' }],
      },
      { now: acceptedAt, matter },
    ],
    [{ type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-2026-0001' }, { now: acceptedAt }],
  ]);
}
