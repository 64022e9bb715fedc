/**
 * Case histories for specs, tests and benches, made by the real decider so they stay valid:
 * `aCase().at('2026-03-02T10:00:00+08:00').registered().applied(promisedMatter).accepted().events()`.
 * Each step decides its command on the state the earlier ones built, at the builder's time (`at`)
 * or its own; a refused step throws, naming the refusal. Builders are immutable: a spec may branch.
 */
import type { Matter } from '../catalog/matter.js';
import type { CaseCommand, RunSupervisionCheck } from '../case/case-commands.js';
import type { CaseEvent } from '../case/case-events.js';
import { initialState, type CaseState } from '../case/case-state.js';
import { decide, type Decision } from '../case/decide.js';
import type { DecisionContext } from '../case/decision-context.js';
import { evolve, foldCase } from '../case/evolve.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '../timeliness/timeliness-policy.js';
import { applicant, at, clock, promisedMatter, system, windowClerk } from './fixtures.js';
import type { Actor } from '../actor/actor.js';
import type { OfficeClock } from '../calendar/index.js';

/** The supervision process's check (C1–C5, T10, F3). */
export const supervisionCheck: RunSupervisionCheck = { type: 'RunSupervisionCheck', actor: system };
/** The window clerk's approval, decision JD-1. */
export const approval = {
  type: 'CompleteCase',
  actor: windowClerk,
  outcome: 'approved',
  decisionNo: 'JD-1',
} as const;

/** What a decision is given besides the command: `now` as ISO, the rest as in DecisionContext. */
export interface SpecContext {
  readonly now: string;
  readonly matter?: Matter;
  readonly policy?: TimelinessPolicy;
  readonly clock?: OfficeClock;
  readonly localSuspensionTypes?: readonly string[];
}

export const stateOf = (given: readonly CaseEvent[]): CaseState => foldCase(given, initialState);

/** Decides `command` against the state the given events build, at `ctx.now`. */
export function decideAt(given: readonly CaseEvent[], command: CaseCommand, ctx: SpecContext): Decision {
  return decide(command, stateOf(given), {
    now: at(ctx.now),
    clock: ctx.clock ?? clock,
    policy: ctx.policy ?? DEFAULT_TIMELINESS_POLICY,
    ...(ctx.matter !== undefined && { matter: ctx.matter }),
    ...(ctx.localSuspensionTypes !== undefined && { localSuspensionTypes: ctx.localSuspensionTypes }),
  });
}

/** The events of a successful decision; throws with the refusal otherwise. */
export function recorded(decision: Decision): readonly CaseEvent[] {
  if (!Array.isArray(decision)) throw new Error(`expected events, got ${JSON.stringify(decision)}`);
  return decision;
}

/**
 * Decides `commands` one after the other in one context, each on the state the previous built, as
 * the API would record them; throws with the first refusal. For tests and benches that append the
 * events to a real store.
 */
export function decideInTurn(
  commands: readonly CaseCommand[],
  from: CaseState,
  context: DecisionContext,
): { readonly events: CaseEvent[]; readonly state: CaseState } {
  let state = from;
  const events: CaseEvent[] = [];
  for (const command of commands)
    for (const e of recorded(decide(command, state, context))) {
      state = evolve(state, e);
      events.push(e);
    }
  return { events, state };
}

/** The commands that register, receive (M-001, material id) and accept a case, by `actor` (N5). */
export const acceptanceCommands = (
  caseId: string,
  applicantName = '张三',
  actor: Actor = windowClerk,
): CaseCommand[] => [
  {
    type: 'RegisterInquiry',
    actor,
    caseId,
    centerId: 'center-1',
    channel: 'window',
    applicant: { kind: 'person', name: applicantName },
    question: '如何办理食品经营许可？',
  },
  { type: 'SubmitApplication', actor, matterCode: promisedMatter.code, materials: [{ code: 'id' }] },
  { type: 'AcceptApplication', actor, receiptNo: `SL-${caseId}` },
];

/** The context of a step: an instant (ISO) or a whole context. */
type When = string | SpecContext;
const contextOf = (when: When): SpecContext => (typeof when === 'string' ? { now: when } : when);

export class CaseHistory {
  constructor(
    private readonly caseId: string,
    private readonly now: string | undefined,
    private readonly recordedEvents: readonly CaseEvent[],
  ) {}

  /** The time of the steps that follow, unless a step names its own. */
  at(now: string): CaseHistory {
    return new CaseHistory(this.caseId, now, this.recordedEvents);
  }

  /** Any command, decided at `when` (default: the builder's time). */
  step(command: CaseCommand, when?: When): CaseHistory {
    const ctx = contextOf(when ?? this.time());
    const added = recorded(decideAt(this.recordedEvents, command, ctx));
    return new CaseHistory(this.caseId, this.now, [...this.recordedEvents, ...added]);
  }

  /** F1: the window clerk registers the applicant's inquiry at center-1. */
  registered(when?: When): CaseHistory {
    return this.step(
      {
        type: 'RegisterInquiry',
        actor: windowClerk,
        caseId: this.caseId,
        centerId: 'center-1',
        channel: 'window',
        applicant,
        question: '如何办理食品经营许可？',
      },
      when,
    );
  }

  /** The application for `matter`, with its materials id and lease. */
  applied(matter: Matter = promisedMatter, now?: string): CaseHistory {
    return this.step(
      {
        type: 'SubmitApplication',
        actor: windowClerk,
        matterCode: matter.code,
        materials: [{ code: 'id' }, { code: 'lease' }],
      },
      { now: now ?? this.time(), matter },
    );
  }

  /** N5: accepted with receipt SL-2026-0001. */
  accepted(when?: When): CaseHistory {
    return this.step({ type: 'AcceptApplication', actor: windowClerk, receiptNo: 'SL-2026-0001' }, when);
  }

  /** The decision by the window clerk (default: approved, JD-1). */
  completed(when?: When, outcome: 'approved' | 'denied' = 'approved'): CaseHistory {
    return this.step(
      {
        type: 'CompleteCase',
        actor: windowClerk,
        outcome,
        decisionNo: 'JD-1',
        ...(outcome === 'denied' && {
          reasons: ['材料不符合法定条件'],
          remediesNotice: '如不服本决定，可依法申请行政复议或者提起行政诉讼。',
        }),
      },
      when,
    );
  }

  /** Supervision's check (C1–C5, T10, F3), by the system. */
  supervised(when?: When): CaseHistory {
    return this.step(supervisionCheck, when);
  }

  events(): CaseEvent[] {
    return [...this.recordedEvents];
  }

  state(): CaseState {
    return stateOf(this.recordedEvents);
  }

  private time(): string {
    if (this.now === undefined) throw new Error('aCase(): say when, with .at(iso) or the step’s own time');
    return this.now;
  }
}

/** A new case history; `given` starts it from events already recorded. */
export const aCase = (caseId = 'case-1', given: readonly CaseEvent[] = []): CaseHistory =>
  new CaseHistory(caseId, undefined, given);

/** A case of `matter` registered, received and accepted at one instant (ISO), by the window clerk. */
export const anAcceptedCase = (at: string, matter: Matter = promisedMatter, caseId = 'case-1'): CaseHistory =>
  aCase(caseId).at(at).registered().applied(matter).accepted();
