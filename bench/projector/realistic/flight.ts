/**
 * A case in flight: who handles it, what will happen to it (its script, drawn on arrival), its
 * state so far and its planned steps. Only flights are held while generating, never events.
 */
import type { Actor } from '#domain/actor/actor.js';
import type { Matter } from '#domain/catalog/matter.js';
import { initialState, type CaseState } from '#domain/case/case-state.js';
import type { Dice } from './dice.js';
import type { Center, Department } from './fixtures.js';

export type Step = { readonly at: number; readonly kind: string };

/** What will happen to a case, drawn once when it arrives. */
export interface Script {
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

export interface Flight {
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

/**
 * The `n`th case (from 0) of the run with `seed`, arriving at `at`. Three in four arrive at the
 * county center; the draws are made in a fixed order, so a seed replays the same cases.
 */
export function newFlight(
  n: number,
  at: number,
  seed: number,
  centers: readonly Center[],
  depts: readonly Department[],
  { pick, chance }: Dice,
): Flight {
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
  return {
    caseId: `c${String(seed).padStart(2, '0')}-${String(n + 1).padStart(6, '0')}`,
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
}

/** When the flight next does something: its next planned step or its supervision check. */
export function nextAt(f: Flight): number | undefined {
  const planned = f.plan[0]?.at;
  if (f.check !== undefined && (planned === undefined || f.check < planned)) return f.check;
  return planned;
}
