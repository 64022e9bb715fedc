/**
 * A complaint that need not concern a case (P1): its own stream `complaint-<id>`, received →
 * investigating → concluded within 5 working days (P2). Instants are ISO-8601 with +08:00 (T1).
 */
import type { Actor } from '../actor/actor.js';

export const COMPLAINT_STREAM_PREFIX = 'complaint-';
export const complaintStreamId = (complaintId: string): string => `${COMPLAINT_STREAM_PREFIX}${complaintId}`;

export type ComplaintChannel = 'window' | 'phone' | 'online' | 'letter' | 'hotline';

/** Whom the complaint is about; a staff member may be named with their window and department (P3). */
export interface StandaloneComplaintSubject {
  readonly kind: 'staff' | 'window' | 'center' | 'case';
  readonly id?: string;
  readonly windowId?: string;
  readonly departmentId?: string;
}

/** Personal information (I1): masked in every answer but the auditors', never in the public lookup. */
export interface Complainant {
  readonly name: string;
  readonly phone?: string;
}

interface ComplaintEventBase<T extends string, D> {
  readonly type: T;
  readonly schemaVersion: 1;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly data: D;
}

/** P1: what a complaint without a case states, as ReceiveComplaint asks it and the event records it. */
export interface ComplaintStatement {
  readonly complaintId: string;
  readonly centerId: string;
  readonly channel: ComplaintChannel;
  readonly subject: StandaloneComplaintSubject;
  readonly content: string;
  readonly complainant?: Complainant;
}

export type ComplaintReceived = ComplaintEventBase<
  'ComplaintReceived',
  ComplaintStatement & {
    /** P1: the number the complainant follows the complaint by (here the complaint id itself). */
    readonly receiptNo: string;
    /** P1: SHA-256 (hex) of the query code; the code itself is told to the complainant only. */
    readonly queryCodeHash: string;
    /** P2: conclusion due. */
    readonly dueAt: string;
  }
>;

export type ComplaintInvestigationStarted = ComplaintEventBase<
  'ComplaintInvestigationStarted',
  { readonly note: string }
>;

export type ComplaintConclusionRecorded = ComplaintEventBase<
  'ComplaintConclusionRecorded',
  { readonly substantiated: boolean; readonly reply: string; readonly late: boolean }
>;

/** T10, P2: not concluded within its limit; raised once by supervision. */
export type ComplaintOverdueFlagged = ComplaintEventBase<
  'ComplaintOverdueFlagged',
  { readonly dueAt: string; readonly policyVersion: string }
>;

/**
 * I2: the complainant's phone erased (its data key destroyed, with the legal basis); it reads as
 * erased everywhere from then on. Recorded by POST /complaints/{id}/personal-data-erasure.
 */
export type ComplaintPersonalDataErased = ComplaintEventBase<
  'ComplaintPersonalDataErased',
  { readonly legalBasis: string; readonly plainIdentifiersInOldEvents: boolean }
>;

export type ComplaintEvent =
  | ComplaintReceived
  | ComplaintInvestigationStarted
  | ComplaintConclusionRecorded
  | ComplaintOverdueFlagged
  | ComplaintPersonalDataErased;

export type ComplaintEventType = ComplaintEvent['type'];
export const COMPLAINT_EVENT_TYPES: readonly ComplaintEventType[] = [
  'ComplaintReceived',
  'ComplaintInvestigationStarted',
  'ComplaintConclusionRecorded',
  'ComplaintOverdueFlagged',
  'ComplaintPersonalDataErased',
];
