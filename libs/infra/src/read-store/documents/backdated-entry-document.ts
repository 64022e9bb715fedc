/**
 * A document of `audit_backdated_entries` (U2): one back-dated entry (补录), keyed by its event id.
 * Written by the projector's backdated-entries projection, read by GET /views/audit/backdated.
 */
import type { IndexDescription } from 'mongodb';
import type { Position } from '../../event-store/event-store.port.js';

export const BACKDATED_ENTRIES_COLLECTION = 'audit_backdated_entries';

/** The view's order (newest recorded first, the event id breaking ties) and its department filter. */
export const BACKDATED_ENTRY_INDEXES: readonly IndexDescription[] = [
  { key: { recordedAtMs: -1, _id: -1 } },
  { key: { departmentId: 1, recordedAtMs: -1, _id: -1 } },
];

export interface BackdatedEntryDocument {
  /** The event id. */
  _id: string;
  /** The position of the event (the runner's guard, as on every unit document). */
  _position: Position;
  caseId: string;
  eventType: string;
  revision: number;
  position: string;
  occurredAt: string;
  recordedAt: string;
  occurredAtMs: number;
  recordedAtMs: number;
  /** recordedAt − occurredAt, whole minutes. */
  gapMinutes: number;
  /** Why it was entered late (U2); null when the event carries none (older events, system writes). */
  lateEntryReason: string | null;
  actor: {
    id: string;
    name: string;
    role: string;
    departmentId: string | null;
    windowId: string | null;
  };
  /** The department of the staff member who made the entry. */
  departmentId: string | null;
}
