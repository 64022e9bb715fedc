/**
 * The one shape of every administration decider (T1, T2, C7, E2): only the allowed roles may give
 * the command, the input is checked, and the fact is recorded as one event, by the actor, at the
 * time given. A rule names these parts; `administrationDecider` puts them in that order.
 */
import type { Actor } from '../actor/actor.js';
import { requireRole, type AdministrationError } from './administration-error.js';
import type { AdministrationEventBase } from './administration-events.js';

export interface AdministrationRule<T extends string, I, D> {
  /** The event recorded. */
  readonly type: T;
  readonly roles: readonly string[];
  /** What the roles may do, as the refusal of another role says it ("may not configure centers"). */
  readonly what: string;
  /** Why the input may not be recorded, or undefined when it may. */
  readonly refusal: (input: I) => AdministrationError | undefined;
  /** The event's data: the input as it is recorded. */
  readonly data: (input: I) => D;
}

export type AdministrationDecider<I, E> = (
  input: I,
  actor: Actor,
  occurredAt: string,
) => E | AdministrationError;

export function administrationDecider<T extends string, I, D>(
  rule: AdministrationRule<T, I, D>,
): AdministrationDecider<I, AdministrationEventBase<T, D>> {
  return (input, actor, occurredAt) => {
    const refusal = requireRole(actor, rule.roles, rule.what) ?? rule.refusal(input);
    return refusal ?? { type: rule.type, schemaVersion: 1, occurredAt, actor, data: rule.data(input) };
  };
}
