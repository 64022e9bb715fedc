import { parseOfficeHours } from '../calendar/index.js';
import { administrationDecider, type AdministrationDecider } from './administration-decider.js';
import {
  refuseAdministration,
  refuseCalendarProblems,
  type AdministrationError,
} from './administration-error.js';
import type { CenterConfigured, CenterDefinition } from './administration-events.js';

/** T1, T6: what keeps a center from being recorded: no id or name, unusable hours or suspension types. */
function centerRefusal(input: CenterDefinition): AdministrationError | undefined {
  if (input.centerId.trim() === '')
    return refuseAdministration('VALIDATION_FAILED', 'A center has an id.', [
      { field: 'centerId', message: 'must not be empty' },
    ]);
  if (input.name.trim() === '')
    return refuseAdministration('VALIDATION_FAILED', 'A center has a name.', [
      { field: 'name', message: 'must not be empty' },
    ]);
  const parsed = parseOfficeHours(input.officeHours);
  if (!parsed.ok)
    return refuseCalendarProblems('Office hours are invalid (T1)', parsed.problems, (path) =>
      path.replace(/^periods/, 'officeHours'),
    );
  const bad = (input.localSuspensionTypes ?? []).findIndex((t) => !/^[a-z][a-z0-9_]{0,39}$/.test(t));
  if (bad >= 0)
    return refuseAdministration(
      'VALIDATION_FAILED',
      'A local suspension type is a short snake_case code, e.g. site_survey (T6).',
      [{ field: `localSuspensionTypes[${bad}]`, message: 'must match ^[a-z][a-z0-9_]{0,39}$' }],
    );
  return undefined;
}

/**
 * T1: a center (or township sub-center) and its office hours. The hours must parse: every period a
 * real `HH:MM`, start before end, in order and not overlapping, since every deadline of the center's
 * cases is counted in them.
 */
export const configureCenter: AdministrationDecider<CenterDefinition, CenterConfigured> =
  administrationDecider({
    type: 'CenterConfigured',
    roles: ['admin'],
    what: 'configure centers',
    refusal: centerRefusal,
    data: ({ centerId, name, officeHours, localSuspensionTypes: local }) => ({
      centerId,
      name,
      officeHours: officeHours.map((p) => ({ start: p.start, end: p.end })),
      ...(local !== undefined && { localSuspensionTypes: [...new Set(local)] }),
    }),
  });
