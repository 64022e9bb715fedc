/**
 * The configuration a projection builds with (and the API judges views with at query time, from the
 * checkpoint of the projection that built them), folded from events like everything else (DESIGN.md
 * "Events": `center-<id>`, `calendar-<year>`, `policy-timeliness`): each center's office hours (T1),
 * the published holiday notices (T2) and the timeliness policy in force (C7). It is part of the
 * projection's checkpoint, so a projector resuming mid-stream builds with the configuration the
 * events before the checkpoint had set, exactly as an uninterrupted one.
 */
import type {
  CalendarYearPublished,
  CenterConfigured,
  TimelinessPolicyChanged,
} from '#domain/administration/index.js';
import {
  createWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  parseOfficeHours,
  validateYearNotice,
  type OfficeClock,
  type OfficePeriodText,
  type WorkingCalendar,
  type YearNotice,
} from '#domain/calendar/index.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import { validatePolicy } from '#domain/timeliness/validate-policy.js';
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

/**
 * Pure. Configuration events were validated before they were recorded; one that does not validate
 * now is ignored, as the API's configuration cache ignores it, rather than stopping every view.
 */
export function reduceConfiguration(
  context: ConfigurationContext,
  event: RecordedEvent,
): ConfigurationContext {
  switch (event.type) {
    case 'CenterConfigured': {
      const data = event.data as CenterConfigured['data'];
      if (!data || typeof data.centerId !== 'string' || !parseOfficeHours(data.officeHours).ok)
        return context;
      return { ...context, centers: { ...context.centers, [data.centerId]: data.officeHours } };
    }
    case 'CalendarYearPublished': {
      const notice = event.data as CalendarYearPublished['data'];
      if (!notice || validateYearNotice(notice).length > 0) return context;
      return { ...context, notices: [...context.notices.filter((n) => n.year !== notice.year), notice] };
    }
    case 'TimelinessPolicyChanged': {
      const policy = event.data as TimelinessPolicyChanged['data'];
      if (!policy || validatePolicy(policy) !== undefined) return context;
      return { ...context, policy };
    }
    default:
      return context;
  }
}

export interface ConfigurationEnvironment {
  readonly policy: TimelinessPolicy;
  /** T1: the calendar with the center's office hours, the default ones for a center without. */
  officeClock(centerId: string | null | undefined): OfficeClock;
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
