import { STAFF_ROLES, type Role } from '../actor/actor.js';
import type { CaseEventType } from '../case/case-events.js';
import type { CaseStatus } from '../case/case-state.js';
import { CASE_STEP_EVOLVERS } from '../case/steps/evolve-case-steps.js';
import { OVERSIGHT_EVOLVERS } from '../case/steps/evolve-oversight.js';
import { STATUTORY_STEP_EVOLVERS } from '../case/steps/evolve-statutory-steps.js';
import { COMPLAINT_EVENT_TYPES, type ComplaintEventType } from '../complaint/complaint-events.js';
import {
  EVENT_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
  type LabelledEventType,
  type LabelledRole,
  type LabelledStatus,
} from './labels.js';

/** True only when A and B are the same set of names: a name missing or left over does not compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventsNamed: Same<LabelledEventType, CaseEventType | ComplaintEventType> = true;
const statusesNamed: Same<LabelledStatus, CaseStatus> = true;
const rolesNamed: Same<LabelledRole, Role> = true;

/** Every status, as the type has them (a missing or extra key does not compile). */
const STATUSES: Readonly<Record<CaseStatus, true>> = {
  none: true,
  inquiry: true,
  referred: true,
  answered: true,
  received: true,
  awaitingSupplement: true,
  rejected: true,
  accepted: true,
  suspended: true,
  decided: true,
  completed: true,
  withdrawn: true,
};

const unnamed = (labels: Readonly<Record<string, string>>, codes: readonly string[]): string[] =>
  codes.filter((code) => !(labels[code] ?? '').trim());

describe('the label tables (one Chinese name for each code, shared by the dossier and the console)', () => {
  it('name exactly the domain’s event types, statuses and roles (checked by the compiler)', () => {
    expect([eventsNamed, statusesNamed, rolesNamed]).toEqual([true, true, true]);
  });

  it('given every event a case or a complaint records, then each has a name', () => {
    const caseEvents = Object.keys({
      ...CASE_STEP_EVOLVERS,
      ...OVERSIGHT_EVOLVERS,
      ...STATUTORY_STEP_EVOLVERS,
    });
    expect(caseEvents.length).toBeGreaterThan(25);
    expect(unnamed(EVENT_LABELS, [...caseEvents, ...COMPLAINT_EVENT_TYPES])).toEqual([]);
  });

  it('given every status and role, then each has a name (T12: a decided case awaits delivery)', () => {
    expect(unnamed(STATUS_LABELS, Object.keys(STATUSES))).toEqual([]);
    expect(unnamed(ROLE_LABELS, [...STAFF_ROLES, 'system', 'applicant'])).toEqual([]);
    expect(STATUS_LABELS.decided).toBe('已决定待送达');
  });

  it('no two codes of a table share a name, so a reader can tell them apart', () => {
    for (const labels of [EVENT_LABELS, STATUS_LABELS, ROLE_LABELS]) {
      const names = Object.values(labels);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
