/** A document of `cards`: one warning, yellow or red card of a case (C1–C5), as GET /views/cards lists it. */
import type { Position } from '../../event-store/event-store.port.js';

export interface CardDocument {
  /** `<caseId>:<cardId>` */
  _id: string;
  _position: Position;
  cardId: string;
  caseId: string;
  level: 'warning' | 'yellow' | 'red';
  cause: 'timeliness' | 'explanation_overdue';
  issuedAt: string;
  issuedAtMs: number;
  /** The deadline the case was measured against (C4). */
  deadline: string;
  departmentId: string | null;
  windowId: string | null;
  policyVersion: string;
  /** Office minutes left (negative: overdue) when the card fell due. */
  remainingMinutes: number;
  explanationDueAt: string | null;
  explained: boolean;
  explanation: { text: string; submittedAt: string; late: boolean } | null;
  revoked: boolean;
  revocation: { reason: string; revokedAt: string } | null;
  /** Position of the event that issued the card. */
  position: Position;
}
