/** The shapes of the documented answers the console reads (docs/API.md; OpenAPI at /docs-json). */
export type Level = 'normal' | 'warning' | 'yellow' | 'red';
export type CardLevel = 'warning' | 'yellow' | 'red';

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface Applicant {
  readonly kind: 'person' | 'company';
  readonly name: string;
  readonly idNumber?: string;
  readonly phone?: string;
}

/** A frame of GET /alerts/stream. */
export interface AlertMessage {
  readonly type: string;
  readonly caseId: string;
  readonly cardId: string;
  readonly level: CardLevel;
  readonly deadline: string;
  readonly cause: 'timeliness' | 'explanation_overdue';
  readonly issuedAt: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly position: string;
}

/** An item of GET /views/overdue. */
export interface OverdueCase {
  readonly caseId: string;
  readonly status: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly matterCode: string | null;
  readonly applicant: Applicant | null;
  readonly deadline: string;
  readonly level: 'yellow' | 'red';
  readonly overdueBy: number;
}

/** An item of GET /views/cards. */
export interface CardItem {
  readonly cardId: string;
  readonly caseId: string;
  readonly level: CardLevel;
  readonly cause: 'timeliness' | 'explanation_overdue';
  readonly issuedAt: string;
  readonly deadline: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly explanationDueAt: string | null;
  readonly explained: boolean;
  readonly explanation: {
    readonly text: string;
    readonly submittedAt: string;
    readonly late: boolean;
  } | null;
  readonly revoked: boolean;
  readonly revocation: { readonly reason: string; readonly revokedAt: string } | null;
}

/** GET /cases/{id} and GET /cases/{id}/state?asOf=. */
export interface CaseView {
  readonly caseId: string;
  readonly status: string;
  readonly centerId: string | null;
  readonly matterCode: string | null;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly applicant: Applicant | null;
  readonly receivedAt: string | null;
  readonly acceptedAt: string | null;
  readonly limitDays: number | null;
  readonly deadline: string | null;
  readonly suspendedNow: boolean;
  readonly extended: boolean;
  readonly level: Level;
  readonly cards: readonly { cardId: string; level: CardLevel; issuedAt: string; revoked?: boolean }[];
  readonly flags: readonly string[];
  readonly revision: number;
}

/** An item of GET /cases (the worklist, issue 19). */
export interface CaseSummary {
  readonly caseId: string;
  readonly status: string;
  readonly receiptNo?: string | null;
  readonly applicant: Applicant | null;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly matterCode: string | null;
  readonly deadline: string | null;
  readonly level?: Level;
}

/** A recorded event (API.md "A recorded event"); `data` varies by type. */
export interface RecordedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly revision: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly name: string; readonly role: string };
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Health {
  readonly status: string;
  readonly clock: 'system' | 'manual';
  /** The clock's now (business time); older API versions do not send it. */
  readonly now?: string;
}

export interface DevIdentity {
  readonly sub: string;
  readonly role: string;
  readonly label: string;
  readonly name: string;
  readonly centerId?: string;
  readonly departmentId?: string;
  readonly windowId?: string;
}
