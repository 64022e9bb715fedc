import type { Actor } from '../actor/actor.js';
import type { TimelinessPolicy } from '../timeliness/timeliness-policy.js';
import { validatePolicy } from '../timeliness/validate-policy.js';
import { administrationDecider } from './administration-decider.js';
import {
  administrationError,
  refuseAdministration,
  type AdministrationError,
} from './administration-error.js';
import type { TimelinessPolicyChanged } from './administration-events.js';

/**
 * Roles that may change the policy: admins keep the configuration (API.md "Administration") and
 * supervisors manage the supervision policy (DOMAIN.md "Who uses it").
 */
export const POLICY_ROLES = ['admin', 'supervisor'] as const;

/** C7: a policy is recorded when its thresholds validate and its version name is new. */
function policyRefusal(
  policy: TimelinessPolicy,
  knownVersions: readonly string[],
): AdministrationError | undefined {
  const invalid = validatePolicy(policy);
  if (invalid)
    return administrationError(invalid.code, invalid.category, invalid.title, invalid.detail, [
      { field: invalid.field ?? 'policy', message: invalid.detail },
    ]);
  if (knownVersions.includes(policy.version))
    return refuseAdministration(
      'C7_POLICY_VERSION_EXISTS',
      `Policy version '${policy.version}' is already recorded; a change needs a new version name (C7).`,
      [{ field: 'version', message: 'already recorded' }],
    );
  return undefined;
}

/** The decider of C7, over the policy and the versions already recorded. */
const decidePolicyChange = administrationDecider({
  type: 'TimelinessPolicyChanged',
  roles: POLICY_ROLES,
  what: 'change the timeliness policy',
  refusal: ({ policy, knownVersions }: { policy: TimelinessPolicy; knownVersions: readonly string[] }) =>
    policyRefusal(policy, knownVersions),
  data: ({ policy }) => policy,
});

/**
 * C7: a new version of the thresholds of C1–C6 and T10. Each version name is used once, so a card
 * naming a version always names one set of thresholds; cards already issued are never rewritten.
 */
export function changeTimelinessPolicy(
  policy: TimelinessPolicy,
  knownVersions: readonly string[],
  actor: Actor,
  occurredAt: string,
): TimelinessPolicyChanged | AdministrationError {
  return decidePolicyChange({ policy, knownVersions }, actor, occurredAt);
}
