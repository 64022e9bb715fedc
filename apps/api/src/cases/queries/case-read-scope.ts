/** Who may read a case: the rule lives in the domain (case/may-read.ts); this only throws its refusal. */
import type { Actor } from '#domain/actor/actor.js';
import type { CaseState } from '#domain/case/case-state.js';
import { mayRead, type CaseReadPurpose } from '#domain/case/may-read.js';
import { problemOfDomainError } from '../../problem/domain-error.problem.js';
import { ProblemException } from '../../problem/problem-details.js';

export type { CaseReadPurpose };

/** Throws 403 unless `actor` may read the case for `purpose`. */
export function assertMayRead(actor: Actor, state: CaseState, purpose: CaseReadPurpose): void {
  const refused = mayRead(actor, state, purpose);
  if (refused) throw new ProblemException(problemOfDomainError(refused));
}
