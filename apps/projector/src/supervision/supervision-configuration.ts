/**
 * What supervision reads as data when it asks the domain (C7: the policy in force; T1, T2: the
 * calendar with the case's center's office hours). `ConfigurationCache` (libs/infra) provides it.
 */
import type { OfficeClock } from '#domain/calendar/index.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';

export interface SupervisionConfiguration {
  policy(): TimelinessPolicy;
  officeClock(centerId: string | undefined): OfficeClock;
}
