/**
 * Who and what the realistic cases are about: a county center and a township sub-center with
 * their guides and supervisors, 20 departments with 3 windows, an approver and 5 matters each.
 */
import type { Actor } from '#domain/actor/actor.js';
import {
  DEFAULT_OFFICE_HOURS,
  parseOfficeHours,
  type OfficeClock,
  type WorkingCalendar,
} from '#domain/calendar/index.js';
import type { Matter } from '#domain/catalog/matter.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';

const DEPARTMENTS = 20;
const WINDOWS = 3;
const MATTERS = 5;
export const TOWNSHIP_HOURS = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:00' },
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟'];
const MATTER_NAMES = ['经营许可', '资质认定', '登记变更', '备案', '证照补办'];

export interface Department {
  readonly id: string;
  readonly windows: readonly Actor[];
  readonly approver: Actor;
  readonly matters: readonly Matter[];
}

export interface Center {
  readonly id: string;
  readonly clock: OfficeClock;
  readonly guide: Actor;
  readonly supervisor: Actor;
}

/** The county's timeliness policy (a fresh copy each call: it is both recorded and decided on). */
export function countyPolicy(): TimelinessPolicy {
  return { ...DEFAULT_TIMELINESS_POLICY, version: 'county-2025.1' };
}

export function departments(): Department[] {
  return Array.from({ length: DEPARTMENTS }, (_, i) => {
    const id = `dept-${String(i + 1).padStart(2, '0')}`;
    const windows: Actor[] = Array.from({ length: WINDOWS }, (_, w) => ({
      id: `u-${id}-w${w + 1}`,
      name: `${SURNAMES[(i + w) % SURNAMES.length]}${GIVEN[(i * 3 + w) % GIVEN.length]}`,
      role: 'window',
      centerId: 'center-1',
      departmentId: id,
      windowId: `win-${id}-${w + 1}`,
    }));
    const matters: Matter[] = Array.from({ length: MATTERS }, (_, k) => {
      const immediate = k === 0;
      const promised = [0, 3, 5, 10, 15][k]!;
      return {
        code: `M-${id}-${k + 1}`,
        name: `${id}${MATTER_NAMES[k]}`,
        departmentId: id,
        kind: immediate ? 'immediate' : k === 4 ? 'escalated' : 'promised',
        statutoryLimitDays: 20,
        promisedLimitDays: promised,
        maxExtensionDays: 10,
        immediateLimitMinutes: 30,
        joint: false,
        requiredMaterials: [
          { code: 'id', name: '身份证明' },
          { code: 'form', name: '申请表' },
          ...(immediate ? [] : [{ code: 'proof', name: '证明材料' }]),
        ],
      };
    });
    return {
      id,
      windows,
      approver: {
        id: `u-${id}-approver`,
        name: `科长${SURNAMES[i % SURNAMES.length]}明`,
        role: 'approver',
        centerId: 'center-1',
        departmentId: id,
      },
      matters,
    };
  });
}

/** The county center (default hours) and the township sub-center (its own hours, one calendar). */
export function centers(calendar: WorkingCalendar): Center[] {
  const township = parseOfficeHours(TOWNSHIP_HOURS);
  return [
    {
      id: 'center-1',
      clock: { calendar, hours: DEFAULT_OFFICE_HOURS },
      guide: {
        id: 'u-guide-1',
        name: '导办员小李',
        role: 'guide',
        centerId: 'center-1',
        departmentId: 'dept-service',
      },
      supervisor: {
        id: 'u-super-1',
        name: '督查刘洋',
        role: 'supervisor',
        centerId: 'center-1',
        departmentId: 'dept-office',
      },
    },
    {
      id: 'center-2',
      clock: { calendar, hours: township.ok ? township.hours : DEFAULT_OFFICE_HOURS },
      guide: {
        id: 'u-guide-2',
        name: '导办员小周',
        role: 'guide',
        centerId: 'center-2',
        departmentId: 'dept-service',
      },
      supervisor: {
        id: 'u-super-2',
        name: '督查吴敏',
        role: 'supervisor',
        centerId: 'center-2',
        departmentId: 'dept-office',
      },
    },
  ];
}
