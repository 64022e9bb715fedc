/**
 * Who hears which alert (API.md "GET /alerts/stream": each new warning or card in the caller's
 * scope): a supervisor the cases of their center, a window clerk those of their department (in
 * their center), an
 * auditor every one (read-only, DOMAIN.md "sees everything"). Anyone else: 403.
 */
import { readScopeOf } from '#domain/access/read-scope.js';
import type { Actor } from '#domain/actor/actor.js';
import { ProblemException, titledProblem } from '../problem/problem-details.js';
import type { AlertMessage } from './alert-message.js';
import { assertReads } from '../auth/assert-reads.js';

export interface AlertAudience {
  /** The case's center is needed to judge (supervisors: cards do not name their center). */
  readonly needsCenter: boolean;
  hears(message: AlertMessage, centerId: string | undefined): boolean;
}

/** R1: the scope of the domain's `readScopeOf`; a card's case must lie in it. */
export function alertAudienceOf(actor: Actor): AlertAudience {
  assertReads(actor, 'alerts');
  const scope = readScopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return { needsCenter: false, hears: () => true };
    case 'center':
      return { needsCenter: true, hears: (_, centerId) => centerId === scope.centerId };
    case 'department':
      return {
        needsCenter: true,
        hears: (message, centerId) =>
          centerId === scope.centerId && message.departmentId === scope.departmentId,
      };
    default:
      throw new ProblemException(
        titledProblem(403, 'OUT_OF_SCOPE', 'Your token names no scope to hear alerts in.'),
      );
  }
}
