/**
 * Realistic cases for the projector's tests and bench: a county center and a township sub-center,
 * 20 departments with 3 windows and 5 matters each; cases arrive through office hours, are
 * answered, referred, applied for, sent supplement notices (some late), rejected, accepted,
 * suspended, extended, completed (some late), withdrawn, complained about and evaluated; the
 * supervision check runs whenever a case's next check falls due, so warnings, cards, step flags and
 * explanations appear as they would. Every step is decided by the domain (decide), so every event
 * is one the system could have recorded; steps are yielded in recording-time order across cases.
 *
 * Streaming: only the cases in flight are held (a heap of their next steps), never the events.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '#domain/actor/actor.js';
import { SUPERVISION_ACTOR } from '#domain/actor/actor.js';
import {
  addOfficeMinutes,
  createWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  parseInstant,
  parseOfficeHours,
  toShanghaiIso,
  type OfficeClock,
} from '#domain/calendar/index.js';
import type { Matter } from '#domain/catalog/matter.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState, isClosed, type CaseState } from '#domain/case/case-state.js';
import { decide } from '#domain/case/decide.js';
import { evolve } from '#domain/case/evolve.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import { seededRandom } from '#domain/testing/seeded-random.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import { newEventOf, recordedActor } from '#infra/command-handling/handle-command.js';
import type { ExpectedRevision, NewEvent } from '#infra/event-store/event-store.port.js';

export interface RealisticCasesOptions {
  readonly cases: number;
  /** Default 1. */
  readonly seed?: number;
  /** First arrival; default Monday 2025-03-03 08:30. */
  readonly start?: string;
  /** Arrivals per working day; default 150 (a county center). */
  readonly casesPerDay?: number;
  /**
   * Office minutes the simulation runs on after the last arrival; default 420 (a working day).
   * Cases still under way then stay open, as they are in a center on any given day.
   */
  readonly tailMinutes?: number;
}

/** One append: events for one stream at its expected revision, recorded at `recordedAt`. */
export interface PlannedAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly NewEvent[];
  /** Epoch ms: what the store's clock should say when this is appended. */
  readonly recordedAt: number;
}

const START = '2025-03-03T08:30:00+08:00';
const DEPARTMENTS = 20;
const WINDOWS = 3;
const MATTERS = 5;
const TOWNSHIP_HOURS = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:00' },
];

/** A UUID derived from a name (the same run always gives the same ids). */
function uuidOf(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟'];
const MATTER_NAMES = ['经营许可', '资质认定', '登记变更', '备案', '证照补办'];

interface Department {
  readonly id: string;
  readonly windows: readonly Actor[];
  readonly approver: Actor;
  readonly matters: readonly Matter[];
}

interface Center {
  readonly id: string;
  readonly clock: OfficeClock;
  readonly guide: Actor;
  readonly supervisor: Actor;
}

type Step = { readonly at: number; readonly kind: string };

interface Flight {
  readonly caseId: string;
  readonly center: Center;
  readonly department: Department;
  readonly clerk: Actor;
  readonly matter: Matter;
  readonly script: Script;
  state: CaseState;
  /** Planned business steps, in time order. */
  plan: Step[];
  /** When supervision looks next (assessTimeliness.nextCheckAt). */
  check: number | undefined;
  seq: number;
}

interface Script {
  readonly answered: boolean;
  readonly referred: boolean;
  readonly supplement: 'none' | 'on_time' | 'late';
  readonly rejected: boolean;
  readonly withdrawn: boolean;
  readonly suspended: boolean;
  readonly extended: boolean;
  readonly late: boolean;
  readonly complaint: boolean;
  readonly evaluation: number | undefined;
  readonly backdated: boolean;
  readonly explains: boolean;
}

/** A binary min-heap of flights by their next step time. */
class FlightHeap {
  private readonly items: { at: number; n: number; flight: Flight }[] = [];
  private counter = 0;
  get size(): number {
    return this.items.length;
  }
  push(at: number, flight: Flight): void {
    const items = this.items;
    items.push({ at, n: this.counter++, flight });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(parent, i)) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }
  peekAt(): number | undefined {
    return this.items[0]?.at;
  }
  pop(): Flight | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i]!, items[m]!];
        i = m;
      }
    }
    return top?.flight;
  }
  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.at < y.at || (x.at === y.at && x.n < y.n);
  }
}

/** The configuration events a realistic center starts with: matters, the township's hours, the policy. */
export function configurationAppends(options: Pick<RealisticCasesOptions, 'start'> = {}): PlannedAppend[] {
  const at = parseInstant(options.start ?? START) - 86_400_000;
  const admin: Actor = { id: 'u-admin', name: '管理员赵敏', role: 'admin' };
  const one = (streamId: string, type: string, data: unknown, n: number): PlannedAppend => ({
    streamId,
    expectedRevision: 'any',
    recordedAt: at + n,
    events: [
      {
        eventId: uuidOf(`${streamId}|${type}`),
        type,
        schemaVersion: 1,
        occurredAt: toShanghaiIso(at + n),
        actor: recordedActor(admin),
        correlationId: uuidOf(`corr|${streamId}`),
        causationId: null,
        data,
      },
    ],
  });
  const out: PlannedAppend[] = [
    one(
      'center-center-2',
      'CenterConfigured',
      { centerId: 'center-2', name: '城关镇便民服务分中心', officeHours: TOWNSHIP_HOURS },
      0,
    ),
    one(
      'policy-timeliness',
      'TimelinessPolicyChanged',
      { ...DEFAULT_TIMELINESS_POLICY, version: 'county-2025.1' },
      1,
    ),
  ];
  for (const d of departments())
    for (const m of d.matters) out.push(one(`catalog-${m.code}`, 'MatterDefined', m, 2));
  return out;
}

function departments(): Department[] {
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

/**
 * The appends of `options.cases` realistic cases, in recording order (configuration first). The
 * caller appends each at `expectedRevision` with the store's clock set to `recordedAt`.
 */
export function* realisticCaseAppends(options: RealisticCasesOptions): Generator<PlannedAppend> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const calendar = createWorkingCalendar();
  const township = parseOfficeHours(TOWNSHIP_HOURS);
  const centers: Center[] = [
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
  const depts = departments();
  const policy: TimelinessPolicy = { ...DEFAULT_TIMELINESS_POLICY, version: 'county-2025.1' };
  const start = parseInstant(options.start ?? START);
  const perDay = options.casesPerDay ?? 150;
  const minutesBetweenArrivals = 420 / perDay;

  yield* configurationAppends(options);

  const heap = new FlightHeap();
  let arrived = 0;
  let nextArrival = start;

  const office = (f: Flight, from: number, minutes: number): number =>
    addOfficeMinutes(f.center.clock, from, Math.max(1, Math.round(minutes))).value;
  const days = (f: Flight, from: number, workingDays: number): number => office(f, from, workingDays * 420);

  const newFlight = (at: number): Flight => {
    const n = arrived++;
    const center = chance(0.75) ? centers[0]! : centers[1]!;
    const department = pick(depts);
    const clerk = pick(department.windows);
    const matter = pick(department.matters);
    const script: Script = {
      answered: chance(0.12),
      referred: chance(0.04),
      supplement: chance(0.12) ? (chance(0.2) ? 'late' : 'on_time') : 'none',
      rejected: chance(0.04),
      withdrawn: chance(0.02),
      suspended: matter.kind !== 'immediate' && chance(0.05),
      extended: matter.kind !== 'immediate' && chance(0.03),
      late: chance(0.08),
      complaint: chance(0.04),
      evaluation: chance(0.3) ? pick([5, 5, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1]) : undefined,
      backdated: chance(0.01),
      explains: chance(0.6),
    };
    const flight: Flight = {
      caseId: `c${String(options.seed ?? 1).padStart(2, '0')}-${String(n + 1).padStart(6, '0')}`,
      center: { ...center, clock: center.clock },
      department,
      clerk: { ...clerk, centerId: center.id },
      matter,
      script,
      state: initialState,
      plan: [{ at, kind: 'register' }],
      check: undefined,
      seq: 0,
    };
    return flight;
  };

  const nextAt = (f: Flight): number | undefined => {
    const planned = f.plan[0]?.at;
    if (f.check !== undefined && (planned === undefined || f.check < planned)) return f.check;
    return planned;
  };

  const schedule = (f: Flight): void => {
    const at = nextAt(f);
    if (at !== undefined) heap.push(at, f);
  };

  /** What a step decides; undefined when the step is dropped (the domain refused it). */
  const commandFor = (f: Flight, step: Step): CaseCommand | undefined => {
    const s = f.state;
    const { clerk, center, department, matter, script } = f;
    const by = (actor: Actor): Actor => ({ ...actor, centerId: center.id });
    switch (step.kind) {
      case 'register': {
        const person = chance(0.8);
        return {
          type: 'RegisterInquiry',
          actor: chance(0.7) ? by(clerk) : center.guide,
          caseId: f.caseId,
          centerId: center.id,
          channel: pick(['window', 'window', 'phone', 'online'] as const),
          applicant: person
            ? {
                kind: 'person',
                name: `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
                idNumber: `3201${String(Math.floor(random() * 1e14)).padStart(14, '0')}`,
                phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
              }
            : {
                kind: 'company',
                name: `${pick(SURNAMES)}氏${pick(['科技', '商贸', '餐饮', '建筑'])}有限公司`,
              },
          question: `咨询${matter.name}办理流程`,
          matterCode: matter.code,
        };
      }
      case 'answer':
        return { type: 'AnswerInquiry', actor: s.firstResponder ?? by(clerk), answer: '已当场解答' };
      case 'refer':
        return {
          type: 'ReferInquiry',
          actor: s.firstResponder ?? by(clerk),
          toDepartmentId: department.id,
          toWindowId: clerk.windowId,
          handlerName: clerk.name,
          handlerPhone: '0517-88886666',
        };
      case 'apply':
        return {
          type: 'SubmitApplication',
          actor: by(clerk),
          matterCode: matter.code,
          materials: matter.requiredMaterials
            .filter((m) => script.supplement === 'none' || m.code !== 'proof' || matter.kind === 'immediate')
            .map((m) => ({ code: m.code, name: m.name })),
        };
      case 'notice':
        return {
          type: 'RequestSupplement',
          actor: by(clerk),
          noticeNo: `BZ-${f.caseId}`,
          items: [{ code: 'proof', name: '证明材料', problem: 'missing' }],
        };
      case 'resubmit':
        return {
          type: 'SubmitSupplement',
          actor: by(clerk),
          materials: [{ code: 'proof', name: '证明材料' }],
        };
      case 'reject':
        return {
          type: 'RejectApplication',
          actor: by(clerk),
          noticeNo: `BY-${f.caseId}`,
          reasons: ['申请材料不符合法定形式'],
        };
      case 'accept':
        return { type: 'AcceptApplication', actor: by(clerk), receiptNo: `SL-${f.caseId}` };
      case 'suspend':
        return {
          type: 'SuspendCase',
          actor: by(clerk),
          suspensionType: pick(['inspection', 'expert_review', 'testing'] as const),
          expectedDays: 5,
          reason: '需组织现场核查',
          applicantNotifiedAt: toShanghaiIso(step.at),
        };
      case 'resume':
        return { type: 'ResumeCase', actor: by(clerk), suspensionNo: s.suspensions.length };
      case 'extend':
        return {
          type: 'GrantExtension',
          actor: by(department.approver),
          days: 5,
          reason: '需征求相关部门意见',
          applicantNotifiedAt: toShanghaiIso(step.at),
          channel: 'sms',
        };
      case 'complete':
        return chance(0.93)
          ? { type: 'CompleteCase', actor: by(clerk), outcome: 'approved', decisionNo: `JD-${f.caseId}` }
          : {
              type: 'CompleteCase',
              actor: by(clerk),
              outcome: 'denied',
              decisionNo: `JD-${f.caseId}`,
              // N6: a denial gives its reasons and the notice of remedies.
              reasons: ['申请材料不符合法定条件'],
              remediesNotice: '如不服本决定，可在60日内申请行政复议，或在6个月内提起行政诉讼。',
            };
      case 'withdraw':
        return { type: 'WithdrawCase', actor: by(clerk), reason: '申请人主动撤回' };
      case 'complain':
        return {
          type: 'FileComplaint',
          actor: center.guide,
          complaintId: `TS-${f.caseId}`,
          channel: '12345热线',
          subject: chance(0.5) ? { kind: 'window', id: clerk.windowId! } : { kind: 'case' },
          content: '办理进度缓慢',
        };
      case 'conclude':
        return {
          type: 'ConcludeComplaint',
          actor: center.supervisor,
          complaintId: `TS-${f.caseId}`,
          substantiated: chance(0.3),
          reply: '已核查并答复投诉人',
        };
      case 'evaluate':
        return { type: 'SubmitEvaluation', actor: by(clerk), score: script.evaluation!, comment: '评价' };
      case 'rectify':
        return {
          type: 'RectifyEvaluation',
          actor: center.supervisor,
          evaluationNo: 1,
          valid: chance(0.7),
          action: '约谈窗口人员并整改',
        };
      case 'explain': {
        const card = s.cards.find(
          (c) => c.level !== 'warning' && c.explainedAt === undefined && c.revokedAt === undefined,
        );
        return card
          ? { type: 'ExplainCard', actor: by(clerk), cardId: card.cardId, text: '因材料需跨部门核验导致超期' }
          : undefined;
      }
      case 'check':
        return { type: 'RunSupervisionCheck', actor: SUPERVISION_ACTOR };
      default:
        return undefined;
    }
  };

  /** After a business step: the steps that follow it (the case's script). */
  const followUps = (f: Flight, step: Step, events: readonly CaseEvent[]): Step[] => {
    const { script, matter } = f;
    const t = step.at;
    const s = f.state;
    const out: Step[] = [];
    const type = events[events.length - 1]?.type;
    switch (step.kind) {
      case 'register':
        if (script.answered) out.push({ at: office(f, t, 5 + random() * 20), kind: 'answer' });
        else if (script.referred) out.push({ at: office(f, t, 3), kind: 'refer' });
        else out.push({ at: office(f, t, 5 + random() * 25), kind: 'apply' });
        if (script.complaint) out.push({ at: days(f, t, 1 + random() * 3), kind: 'complain' });
        break;
      case 'refer':
        out.push({ at: days(f, t, 1 + random() * 3), kind: 'apply' });
        break;
      case 'apply':
        if (script.rejected) out.push({ at: office(f, t, 10 + random() * 600), kind: 'reject' });
        else if (script.supplement !== 'none' && matter.kind !== 'immediate')
          out.push({
            at: days(f, t, script.supplement === 'late' ? 6 + random() * 2 : random() * 3),
            kind: 'notice',
          });
        else out.push({ at: office(f, t, 5 + random() * 60), kind: 'accept' });
        break;
      case 'notice':
        out.push({ at: days(f, t, 1 + random() * 3), kind: script.withdrawn ? 'withdraw' : 'resubmit' });
        break;
      case 'resubmit':
        out.push({ at: office(f, t, 10 + random() * 120), kind: 'accept' });
        break;
      case 'accept': {
        if (type !== 'ApplicationAccepted' || s.deadline === undefined) break;
        const deadline = s.deadline;
        const span = Math.max(30, (deadline - t) / 60_000);
        if (matter.kind === 'immediate') {
          out.push({
            at: office(f, t, script.late ? 32 + random() * 60 : 5 + random() * 20),
            kind: 'complete',
          });
          break;
        }
        if (script.withdrawn) {
          out.push({ at: days(f, t, 1 + random() * 2), kind: 'withdraw' });
          break;
        }
        if (script.suspended) out.push({ at: days(f, t, 1), kind: 'suspend' });
        else if (script.extended)
          out.push({ at: addOfficeMinutes(f.center.clock, deadline, -240).value, kind: 'extend' });
        else
          out.push({
            at: script.late
              ? office(f, deadline, 60 + random() * 420 * 5)
              : t + Math.max(60_000, (0.2 + random() * 0.7) * span * 60_000),
            kind: 'complete',
          });
        break;
      }
      case 'suspend':
        out.push({ at: days(f, t, 1 + random() * 3), kind: 'resume' });
        break;
      case 'resume':
      case 'extend': {
        const deadline = s.deadline ?? t;
        out.push({
          at: script.late
            ? office(f, deadline, 60 + random() * 420 * 4)
            : Math.max(t + 60_000, deadline - random() * 2 * 86_400_000),
          kind: 'complete',
        });
        break;
      }
      case 'complete':
        if (script.evaluation !== undefined)
          out.push({ at: office(f, t, 5 + random() * 60), kind: 'evaluate' });
        break;
      case 'evaluate':
        if (script.evaluation !== undefined && script.evaluation <= 2 && chance(0.8))
          out.push({ at: days(f, t, 1 + random() * 6), kind: 'rectify' });
        break;
      case 'complain':
        out.push({ at: days(f, t, 1 + random() * 6), kind: 'conclude' });
        break;
      case 'check':
        if (
          script.explains &&
          events.some((e) => e.type === 'YellowCardIssued' || e.type === 'RedCardIssued') &&
          !f.plan.some((p) => p.kind === 'explain')
        )
          out.push({ at: days(f, t, random() * 2.5), kind: 'explain' });
        break;
    }
    return out;
  };

  let endAt = Number.POSITIVE_INFINITY;
  for (;;) {
    const due = heap.peekAt();
    if (arrived < options.cases && (due === undefined || nextArrival <= due)) {
      const f = newFlight(nextArrival);
      if (arrived === options.cases)
        endAt = addOfficeMinutes(centers[0]!.clock, nextArrival, options.tailMinutes ?? 420).value;
      nextArrival = addOfficeMinutes(
        centers[0]!.clock,
        nextArrival,
        minutesBetweenArrivals * (0.5 + random()),
      ).value;
      schedule(f);
      continue;
    }
    if (due === undefined || due > endAt) return;
    const f = heap.pop();
    if (!f) return;
    const isCheck = f.check !== undefined && (f.plan[0] === undefined || f.check < f.plan[0].at);
    const step: Step = isCheck ? { at: f.check!, kind: 'check' } : f.plan.shift()!;
    if (isCheck) f.check = undefined;
    const command = commandFor(f, step);
    let events: readonly CaseEvent[] = [];
    if (command) {
      // U2: one entry in a hundred is recorded 40 minutes after the fact, with its reason.
      const backdated = f.script.backdated && step.kind === 'accept';
      const decided = decide(
        backdated
          ? {
              ...command,
              occurredAt: toShanghaiIso(step.at - 40 * 60_000),
              lateEntryReason: '系统故障后补录',
            }
          : command,
        f.state,
        {
          now: step.at,
          clock: f.center.clock,
          policy,
          ...(command.type === 'SubmitApplication' && { matter: f.matter }),
        },
      );
      if (Array.isArray(decided) && decided.length > 0) {
        events = decided;
        const expected: ExpectedRevision = f.state.revision < 0 ? 'no_stream' : f.state.revision;
        yield {
          streamId: `case-${f.caseId}`,
          expectedRevision: expected,
          recordedAt: step.at,
          events: decided.map((e, i) =>
            newEventOf(
              e,
              { eventId: uuidOf(`${f.caseId}|${f.seq}|${i}`), causationId: null },
              uuidOf(`${f.caseId}|corr|${f.seq}`),
            ),
          ),
        };
        f.seq++;
        f.state = decided.reduce(evolve, f.state);
      }
    }
    f.plan.push(...followUps(f, step, events));
    f.plan.sort((a, b) => a.at - b.at);
    // Supervision looks again when the domain says something may fall due (C1–C3, T10, F3).
    const next = assessTimeliness(f.state, policy, f.center.clock, step.at).nextCheckAt;
    f.check = next !== undefined && !(isClosed(f.state) && f.plan.length === 0) ? next : undefined;
    if (f.check !== undefined && f.plan.length === 0 && f.check - step.at > 30 * 86_400_000)
      f.check = undefined;
    schedule(f);
  }
}
