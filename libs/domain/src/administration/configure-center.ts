import type { Actor } from '../actor/actor.js';
import { parseOfficeHours } from '../calendar/index.js';
import {
  refuseAdministration,
  refuseCalendarProblems,
  requireRole,
  type AdministrationError,
} from './administration-error.js';
import type { CenterConfigured, CenterDefinition } from './administration-events.js';

/**
 * T1: a center (or township sub-center) and its office hours. The hours must parse: every period a
 * real `HH:MM`, start before end, in order and not overlapping, since every deadline of the center's
 * cases is counted in them.
 */
export function configureCenter(
  input: CenterDefinition,
  actor: Actor,
  occurredAt: string,
): CenterConfigured | AdministrationError {
  const denied = requireRole(actor, ['admin'], 'configure centers');
  if (denied) return denied;
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
  const local = input.localSuspensionTypes;
  const bad = (local ?? []).findIndex((t) => !/^[a-z][a-z0-9_]{0,39}$/.test(t));
  if (bad >= 0)
    return refuseAdministration(
      'VALIDATION_FAILED',
      'A local suspension type is a short snake_case code, e.g. site_survey (T6).',
      [{ field: `localSuspensionTypes[${bad}]`, message: 'must match ^[a-z][a-z0-9_]{0,39}$' }],
    );
  return {
    type: 'CenterConfigured',
    schemaVersion: 1,
    occurredAt,
    actor,
    data: {
      centerId: input.centerId,
      name: input.name,
      officeHours: input.officeHours.map((p) => ({ start: p.start, end: p.end })),
      ...(local !== undefined && { localSuspensionTypes: [...new Set(local)] }),
    },
  };
}
