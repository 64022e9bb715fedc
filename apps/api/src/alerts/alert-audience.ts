/**
 * Who hears which alert (API.md "GET /alerts/stream": each new warning or card in the caller's
 * scope): a supervisor the cases of their center, a window clerk those of their department (in
 * their center), an
 * auditor every one (read-only, DOMAIN.md "sees everything"). Anyone else: 403.
 */
import type { Actor } from '#domain/actor/actor.js';
import { problem, ProblemException } from '../problem/problem-details.js';
import type { AlertMessage } from './alert-message.js';

export interface AlertAudience {
  /** The case's center is needed to judge (supervisors: cards do not name their center). */
  readonly needsCenter: boolean;
  hears(message: AlertMessage, centerId: string | undefined): boolean;
}

/** As for reading a case (case-read-scope.ts): staff see their own center's cases. */
const sameCenter = (actor: Actor, centerId: string | undefined): boolean =>
  actor.centerId === undefined || centerId === undefined || centerId === actor.centerId;

export function alertAudienceOf(actor: Actor): AlertAudience {
  switch (actor.role) {
    case 'auditor':
      return { needsCenter: false, hears: () => true };
    case 'supervisor':
      return {
        needsCenter: actor.centerId !== undefined,
        hears: (_, centerId) => sameCenter(actor, centerId),
      };
    case 'window':
      return {
        needsCenter: actor.centerId !== undefined,
        hears: (message, centerId) =>
          sameCenter(actor, centerId) &&
          actor.departmentId !== undefined &&
          message.departmentId === actor.departmentId,
      };
    default:
      throw new ProblemException(
        problem(
          403,
          'ROLE_NOT_ALLOWED',
          '无权执行该操作',
          `Role '${actor.role}' does not receive alerts; supervisors, window clerks and auditors do.`,
        ),
      );
  }
}
