/**
 * Bench only: the accepted applications of the read-store benches (run.ts, queries.ts,
 * seed-case-views.ts), decided by the domain as the API would: a window clerk of center-1 and one
 * promised matter (5 working days).
 */
import type { Actor } from '#domain/actor/actor.js';
import { parseInstant } from '#domain/calendar/index.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import type { CaseState } from '#domain/case/case-state.js';
import { decide } from '#domain/case/decide.js';
import { evolve } from '#domain/case/evolve.js';
import type { Matter } from '#domain/catalog/matter.js';
import type { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { EventStore, NewEvent } from '#infra/event-store/event-store.port.js';

export const DAY = 86_400_000;
export const T0 = parseInstant('2026-03-02T09:00:00+08:00');
export const SPREAD = 10 * DAY;
export const clerk: Actor = {
  id: 'u-window',
  name: '窗口王芳',
  role: 'window',
  centerId: 'center-1',
  departmentId: 'dept-market',
  windowId: 'win-3',
};
export const MATTER: Matter = {
  code: 'M-001',
  name: '食品经营许可',
  departmentId: 'dept-market',
  kind: 'promised',
  statutoryLimitDays: 20,
  promisedLimitDays: 5,
  maxExtensionDays: 10,
  immediateLimitMinutes: 30,
  joint: false,
  requiredMaterials: [{ code: 'id', name: '身份证' }],
};

/** Decides `commands` on `state` at `now` and appends the events. */
export async function record(
  store: EventStore,
  configuration: ConfigurationCache,
  caseId: string,
  state: CaseState,
  commands: readonly CaseCommand[],
  now: number,
): Promise<CaseState> {
  const context = {
    now,
    clock: configuration.officeClock('center-1'),
    policy: configuration.policy(),
    matter: MATTER,
  };
  const events: CaseEvent[] = [];
  for (const command of commands) {
    const out = decide(command, state, context);
    if (!Array.isArray(out)) throw new Error(JSON.stringify(out));
    for (const e of out as readonly CaseEvent[]) {
      state = evolve(state, e);
      events.push(e);
    }
  }
  const toAppend: NewEvent[] = events.map((e) => ({
    eventId: crypto.randomUUID(),
    type: e.type,
    schemaVersion: e.schemaVersion,
    occurredAt: e.occurredAt,
    actor: {
      id: clerk.id,
      name: clerk.name,
      role: clerk.role,
      departmentId: 'dept-market',
      windowId: 'win-3',
    },
    correlationId: `bench-${caseId}`,
    causationId: null,
    data: e.data,
  }));
  const before = state.revision - events.length;
  await store.append(`case-${caseId}`, toAppend, before < 0 ? 'no_stream' : before);
  return state;
}

export const accept = (caseId: string, centerId = 'center-1'): CaseCommand[] => [
  {
    type: 'RegisterInquiry',
    actor: clerk,
    caseId,
    centerId,
    channel: 'window',
    applicant: { kind: 'person', name: `张${caseId}` },
    question: '如何办理食品经营许可？',
  },
  { type: 'SubmitApplication', actor: clerk, matterCode: MATTER.code, materials: [{ code: 'id' }] },
  { type: 'AcceptApplication', actor: clerk, receiptNo: `SL-${caseId}` },
];

export const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
