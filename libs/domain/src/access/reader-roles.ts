/**
 * Who reads what beyond one case (DOMAIN.md "Who uses it"; API.md "Queries" and the audit routes):
 * the read side's role table, as `COMMAND_ROLES` (case/authorize.ts) is the write side's. Scope
 * (R1, read-scope.ts) then narrows what each reader sees; a role not listed reads nothing of it.
 */
import type { Role } from '../actor/actor.js';
import { refuse, type DomainError } from '../errors/domain-error.js';

export const READER_ROLES = {
  worklist: ['guide', 'proxy', 'window', 'approver', 'supervisor', 'auditor'],
  overdue: ['auditor', 'supervisor', 'window', 'approver'],
  cards: ['auditor', 'supervisor'],
  statistics: ['auditor', 'supervisor'],
  accountability: ['auditor', 'supervisor'],
  complaints: ['auditor', 'supervisor'],
  evaluations: ['auditor', 'supervisor'],
  rankings: ['auditor', 'supervisor'],
  /** C1–C4 as they happen (the alert stream). */
  alerts: ['auditor', 'supervisor', 'window'],
  /** U2. */
  backdatedEntries: ['auditor'],
  /** U6: auditors of auditors. */
  accessLog: ['auditor'],
  /** U7: listing, verifying and exporting the seals; sealing on demand is `sealing`. */
  seals: ['auditor'],
  sealing: ['auditor', 'admin'],
  /** E2: the delivery ledger of notifications (and resending from it). */
  notifications: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Reading = keyof typeof READER_ROLES;

/** The list views: each read through the reader's scope (R1). */
export type ListReading = Exclude<
  Reading,
  'backdatedEntries' | 'accessLog' | 'seals' | 'sealing' | 'notifications'
>;

const WHAT: Readonly<Record<Reading, string>> = {
  worklist: 'The worklist',
  overdue: 'The overdue view',
  cards: 'The cards view',
  statistics: 'The statistics',
  accountability: 'The accountability ledger',
  complaints: 'The complaints view',
  evaluations: 'The evaluation rates',
  rankings: 'The rankings',
  alerts: 'The alert stream',
  backdatedEntries: 'The back-dated entries (U2)',
  accessLog: 'The access log (U6)',
  seals: 'The seals (U7)',
  sealing: 'Sealing the store (U7)',
  notifications: 'The notification ledger (E2)',
};

/** ROLE_NOT_ALLOWED unless `actor`'s role reads `reading`. */
export function mayReadAs(actor: { readonly role: Role }, reading: Reading): DomainError | undefined {
  const roles: readonly Role[] = READER_ROLES[reading];
  return roles.includes(actor.role)
    ? undefined
    : refuse('ROLE_NOT_ALLOWED', `${WHAT[reading]} is for ${roles.join(', ')}; you are ${actor.role}.`);
}
