import type { Actor } from '#domain/actor/actor.js';

/** The request once the JWT guard has let it through: the actor comes from the token only. */
export interface AuthenticatedRequest {
  actor?: Actor;
  headers: Record<string, string | string[] | undefined>;
}
