/**
 * I2: erasing the personal identifiers a stream holds, a case's applicant or a complaint's
 * complainant. Only an admin erases, on a stated legal basis (个人信息保护法 art. 47), and only once;
 * the erasure is itself an event. Pure: the stream's history comes in as the facts it needs, and
 * destroying the data key is the edge's work once this decides to record.
 */
import type { Actor } from '../actor/actor.js';
import type { PersonalDataErased } from '../case/oversight-events.js';
import type { ComplaintPersonalDataErased } from '../complaint/complaint-events.js';
import { refuse, type DomainError } from '../errors/domain-error.js';

export interface ErasePersonalData {
  readonly type: 'ErasePersonalData';
  /** Whose identifiers: a case's applicant, or the complainant of a complaint without a case. */
  readonly subject: 'case' | 'complaint';
  readonly legalBasis: string;
  /** Now, in Asia/Shanghai. */
  readonly occurredAt: string;
  readonly actor: Actor;
}

/** What the decision reads of the stream. */
export interface ErasureHistory {
  readonly exists: boolean;
  readonly erased: boolean;
  /** Events recorded before I2 hold the identifiers in plain text (the event says so). */
  readonly plainIdentifiers: boolean;
}

export type ErasureEvent = PersonalDataErased | ComplaintPersonalDataErased;

export function decideErasure(
  command: ErasePersonalData,
  history: ErasureHistory,
): readonly [ErasureEvent] | DomainError {
  const { actor, subject } = command;
  if (actor.role !== 'admin')
    return refuse('ROLE_NOT_ALLOWED', `Erasing personal data is for admins; you are ${actor.role}.`);
  if (!history.exists)
    return subject === 'case'
      ? refuse('CASE_NOT_FOUND', 'No case with this id has been registered.')
      : refuse('COMPLAINT_NOT_FOUND', 'No complaint with this id has been received.');
  if (history.erased)
    return refuse('I2_ALREADY_ERASED', `The personal data of this ${subject} was erased already.`);
  const legalBasis = command.legalBasis.trim();
  if (legalBasis === '')
    return refuse('I2_LEGAL_BASIS_REQUIRED', 'I2: an erasure states its legal basis.', 'legalBasis');
  const data = { legalBasis, plainIdentifiersInOldEvents: history.plainIdentifiers };
  const event = { schemaVersion: 1, occurredAt: command.occurredAt, actor, data } as const;
  return [
    subject === 'case'
      ? { type: 'PersonalDataErased', ...event }
      : { type: 'ComplaintPersonalDataErased', ...event },
  ];
}
