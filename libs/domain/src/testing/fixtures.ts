/**
 * The one set of fixtures for domain specs, tests and benches: the staff of center-1, the matters
 * M-001 (promised, 5 working days) and M-002 (immediate), an applicant, and the built-in calendar
 * with default office hours. Plain data: a spec changes a copy, never these.
 */
import type { Actor } from '../actor/actor.js';
import {
  createWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  parseInstant,
  type OfficeClock,
} from '../calendar/index.js';
import type { Matter } from '../catalog/matter.js';
import type { Applicant } from '../case/case-events.js';
import type { NotificationSubscription } from '../notification/subscription.js';

export const calendar = createWorkingCalendar();
export const clock: OfficeClock = { calendar, hours: DEFAULT_OFFICE_HOURS };

/** An ISO-8601 instant as epoch milliseconds. */
export const at = (iso: string): number => parseInstant(iso);

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
/** The window clerk of dept-market at window 3, who takes M-001 applications. */
export const windowClerk = staff('u-window', '窗口王芳', 'window', 'dept-market', 'win-3');
export const otherWindow = staff('u-window-2', '窗口赵强', 'window', 'dept-tax', 'win-9');
export const approver = staff('u-approver', '科长陈明', 'approver', 'dept-market');
export const supervisor = staff('u-super', '督查刘洋', 'supervisor', 'dept-office');
export const auditor = staff('u-audit', '纪检孙丽', 'auditor', 'dept-discipline');
export const proxy = staff('u-proxy', '代办周杰', 'proxy', 'dept-service');
export const system: Actor = { id: 'system:supervision', name: '电子监察系统', role: 'system' };

/** The applicant of the cases the history builder makes. */
export const applicant: Applicant = {
  kind: 'person',
  name: '张三',
  idNumber: '110101199003071234',
  phone: '13800138000',
};

/** M-001: a promised matter of dept-market, 5 working days promised, 20 statutory, 10 of extension. */
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
/** M-002: an immediate matter (即办件, T3). */
export const immediateMatter: Matter = {
  ...promisedMatter,
  code: 'M-002',
  name: '个体工商户名称变更',
  kind: 'immediate',
};

/** A red-card SMS subscription of center-1's supervisors through Tencent Cloud SMS, sent to `url`. */
export const smsSubscription = (url: string): NotificationSubscription => ({
  subscriptionId: 'sms-supervisors',
  url,
  secret: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  kinds: ['red'],
  centerId: 'center-1',
  channel: 'sms',
  sms: {
    provider: 'tencent-cloud',
    secretId: 'AKIDexample',
    sdkAppId: '1400006666',
    signName: '某某县政务服务中心',
    templateId: '1110',
    region: 'ap-guangzhou',
    phoneNumbers: ['+8613800000000'],
  },
});
