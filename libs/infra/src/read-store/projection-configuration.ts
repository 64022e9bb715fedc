/**
 * The configuration a projection builds with (and the API judges views with at query time, from the
 * checkpoint of the projection that built them), folded from events like everything else (DESIGN.md
 * "Events": `center-<id>`, `calendar-<year>`, `policy-timeliness`): each center's office hours (T1),
 * the published holiday notices (T2) and the timeliness policy in force (C7). It is part of the
 * projection's checkpoint, so a projector resuming mid-stream builds with the configuration the
 * events before the checkpoint had set, exactly as an uninterrupted one.
 */
import { configurationFact } from '#domain/administration/configuration-fact.js';
import {
  createWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  parseOfficeHours,
  type OfficeClock,
  type OfficePeriodText,
  type WorkingCalendar,
  type YearNotice,
} from '#domain/calendar/index.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import type { RecordedEvent } from '../event-store/event-store.port.js';

export interface ConfigurationContext {
  /** Office hours by center id, as recorded (`HH:MM` periods). */
  readonly centers: Readonly<Record<string, readonly OfficePeriodText[]>>;
  /** Recorded holiday notices, one per year, the latest recorded last (T2). */
  readonly notices: readonly YearNotice[];
  /** The latest recorded policy; null for the default (C7). */
  readonly policy: TimelinessPolicy | null;
}

export const INITIAL_CONFIGURATION: ConfigurationContext = { centers: {}, notices: [], policy: null };

/** Pure: folds the domain's reading of the event (configurationFact, as the configuration cache). */
export function reduceConfiguration(
  context: ConfigurationContext,
  event: RecordedEvent,
): ConfigurationContext {
  const fact = configurationFact(event);
  switch (fact?.kind) {
    case 'center':
      return { ...context, centers: { ...context.centers, [fact.key]: fact.center.officeHours } };
    case 'notice':
      return {
        ...context,
        notices: [...context.notices.filter((n) => n.year !== fact.notice.year), fact.notice],
      };
    case 'policy':
      return { ...context, policy: fact.policy };
    default:
      return context;
  }
}

export interface ConfigurationEnvironment {
  readonly policy: TimelinessPolicy;
  /** T1: the calendar with the center's office hours, the default ones for a center without. */
  officeClock(centerId: string | null | undefined): OfficeClock;
  /** The centers with recorded office hours (every other center has the default clock). */
  readonly centerIds: readonly string[];
}

// Calendars and clocks are built once per context object (contexts are immutable values).
const environments = new WeakMap<ConfigurationContext, ConfigurationEnvironment>();

export function environmentOf(context: ConfigurationContext): ConfigurationEnvironment {
  let environment = environments.get(context);
  if (environment) return environment;
  let calendar: WorkingCalendar | undefined;
  const clocks = new Map<string, OfficeClock>();
  environment = {
    policy: context.policy ?? DEFAULT_TIMELINESS_POLICY,
    centerIds: Object.keys(context.centers),
    officeClock(centerId) {
      const key = centerId ?? '';
      let clock = clocks.get(key);
      if (!clock) {
        calendar ??= createWorkingCalendar(context.notices);
        const recorded = centerId ? context.centers[centerId] : undefined;
        const parsed = recorded ? parseOfficeHours(recorded) : undefined;
        clock = { calendar, hours: parsed?.ok ? parsed.hours : DEFAULT_OFFICE_HOURS };
        clocks.set(key, clock);
      }
      return clock;
    },
  };
  environments.set(context, environment);
  return environment;
}
