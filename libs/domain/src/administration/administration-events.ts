/**
 * The configuration facts the case decider reads as data (DESIGN.md "Events"): a center's office
 * hours (T1), a year's holiday notice (T2) and the timeliness policy (C7). Each is recorded in its
 * own stream (`center-<id>`, `calendar-<year>`, `policy-timeliness`), so every change is itself
 * an event and never rewrites what was decided before (T2, T9, C7).
 */
import type { Actor } from '../actor/actor.js';
import type { OfficePeriodText, YearNotice } from '../calendar/index.js';
import type { TimelinessPolicy } from '../timeliness/timeliness-policy.js';

/** An administration event: one fact of configuration, by whom and when (E2's subscriptions too). */
export interface AdministrationEventBase<T extends string, D> {
  readonly type: T;
  readonly schemaVersion: 1;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly data: D;
}

export interface CenterDefinition {
  readonly centerId: string;
  readonly name: string;
  /** `HH:MM` periods, as people write them; parsed with `parseOfficeHours` when used (T1). */
  readonly officeHours: readonly OfficePeriodText[];
  /** T6: local suspension types this center allows (e.g. `site_survey`, `public_notice`). */
  readonly localSuspensionTypes?: readonly string[];
}

export type CenterConfigured = AdministrationEventBase<'CenterConfigured', CenterDefinition>;
export type CalendarYearPublished = AdministrationEventBase<'CalendarYearPublished', YearNotice>;
export type TimelinessPolicyChanged = AdministrationEventBase<'TimelinessPolicyChanged', TimelinessPolicy>;

export type AdministrationEvent = CenterConfigured | CalendarYearPublished | TimelinessPolicyChanged;
export type AdministrationEventType = AdministrationEvent['type'];

/** Stream names of the configuration (DESIGN.md "Events"). */
export const centerStreamId = (centerId: string): string => `center-${centerId}`;
export const calendarStreamId = (year: number): string => `calendar-${year}`;
export const TIMELINESS_POLICY_STREAM = 'policy-timeliness';
