/** Who reads what: the rule lives in the domain (access/reader-roles.ts); this only throws its refusal. */
import type { Actor } from '#domain/actor/actor.js';
import { mayReadAs, type Reading } from '#domain/access/reader-roles.js';
import { problemOfDomainError } from '../problem/domain-error.problem.js';
import { ProblemException } from '../problem/problem-details.js';

/** Throws 403 ROLE_NOT_ALLOWED unless `actor`'s role reads `reading`. */
export function assertReads(actor: Actor, reading: Reading): void {
  const refused = mayReadAs(actor, reading);
  if (refused) throw new ProblemException(problemOfDomainError(refused));
}
