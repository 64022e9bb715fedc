/**
 * What a recorded configuration event says, read once for every reader (T1, T2, T5, T6, C7): the
 * API's and supervision's configuration cache and the projections' configuration context both fold
 * these facts, so they agree on which events count. Configuration events were validated before they
 * were recorded; one that does not validate now says nothing (ignored, rather than stopping a
 * reader), as both folds always did.
 */
import {
  parseOfficeHours,
  validateYearNotice,
  type OfficeHours,
  type YearNotice,
} from '../calendar/index.js';
import type { Matter } from '../catalog/matter.js';
import type { TimelinessPolicy } from '../timeliness/timeliness-policy.js';
import { validatePolicy } from '../timeliness/validate-policy.js';
import type { CenterDefinition } from './administration-events.js';

export const CONFIGURATION_EVENT_TYPES = [
  'MatterDefined',
  'CenterConfigured',
  'CalendarYearPublished',
  'TimelinessPolicyChanged',
] as const;

export type ConfigurationFact =
  | { readonly kind: 'matter'; readonly key: string; readonly matter: Matter }
  /** T1: the center as recorded, with its office hours parsed. */
  | {
      readonly kind: 'center';
      readonly key: string;
      readonly center: CenterDefinition;
      readonly officeHours: OfficeHours;
    }
  | { readonly kind: 'notice'; readonly key: string; readonly notice: YearNotice }
  | { readonly kind: 'policy'; readonly key: string; readonly policy: TimelinessPolicy }
  /** A configuration event that no longer validates. */
  | { readonly kind: 'invalid'; readonly type: string };

/** Pure. The fact a configuration event states; undefined for any other event. */
export function configurationFact(event: {
  readonly type: string;
  readonly data: unknown;
}): ConfigurationFact | undefined {
  const { type, data } = event;
  if (!(CONFIGURATION_EVENT_TYPES as readonly string[]).includes(type)) return undefined;
  const invalid = { kind: 'invalid', type } as const;
  // Recorded JSON of the type the event names (validated when recorded; checked again below).
  if (typeof data !== 'object' || data === null) return invalid;
  switch (type) {
    case 'MatterDefined': {
      const matter = data as Matter;
      return typeof matter.code === 'string' ? { kind: 'matter', key: matter.code, matter } : invalid;
    }
    case 'CenterConfigured': {
      const center = data as CenterDefinition;
      const parsed = typeof center.centerId === 'string' ? parseOfficeHours(center.officeHours) : undefined;
      return parsed?.ok
        ? { kind: 'center', key: center.centerId, center, officeHours: parsed.hours }
        : invalid;
    }
    case 'CalendarYearPublished': {
      const notice = data as YearNotice;
      return validateYearNotice(notice).length === 0
        ? { kind: 'notice', key: String(notice.year), notice }
        : invalid;
    }
    default: {
      const policy = data as TimelinessPolicy;
      return validatePolicy(policy) === undefined ? { kind: 'policy', key: 'policy', policy } : invalid;
    }
  }
}
