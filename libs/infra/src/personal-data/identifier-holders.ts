/**
 * I2: which person in a stream's events holds personal identifiers, and which of them: a case's
 * applicant (`data.applicant`: ID number and phone) and a complaint's complainant
 * (`data.complainant`: phone). Names stay readable (I1 masks them in views); these are the
 * identifiers encrypted under the stream's data key and erased with it.
 */
import { COMPLAINT_STREAM_PREFIX } from '#domain/complaint/complaint-events.js';
import { ERASED_IDENTIFIER } from '#domain/privacy/mask-applicant.js';
import { CASE_STREAM_PREFIX } from '../case-stream/case-stream.js';
import { isCiphertext } from './identifier-cipher.js';

export type IdentifierField = 'idNumber' | 'phone';

export interface IdentifierHolder {
  readonly streamPrefix: string;
  readonly person: 'applicant' | 'complainant';
  readonly fields: readonly IdentifierField[];
}

const HOLDERS: readonly IdentifierHolder[] = [
  { streamPrefix: CASE_STREAM_PREFIX, person: 'applicant', fields: ['idNumber', 'phone'] },
  { streamPrefix: COMPLAINT_STREAM_PREFIX, person: 'complainant', fields: ['phone'] },
];

/** The holder of a stream's identifiers; undefined for streams that hold none. */
export const holderOf = (streamId: string): IdentifierHolder | undefined =>
  HOLDERS.find((h) => streamId.startsWith(h.streamPrefix));

/** The person of an event's data, with at least one identifier as text; undefined otherwise. */
export function personWithIdentifiers(
  holder: IdentifierHolder | undefined,
  data: unknown,
): Record<string, unknown> | undefined {
  if (holder === undefined || typeof data !== 'object' || data === null) return undefined;
  const person = (data as Record<string, unknown>)[holder.person];
  if (typeof person !== 'object' || person === null) return undefined;
  const record = person as Record<string, unknown>;
  return holder.fields.some((f) => typeof record[f] === 'string') ? record : undefined;
}

/** The event with each identifier its person holds as text replaced by `change`. */
export function withIdentifiers<E extends { readonly data: unknown }>(
  event: E,
  holder: IdentifierHolder,
  person: Record<string, unknown>,
  change: (value: string, field: IdentifierField) => string,
): E {
  const next: Record<string, unknown> = { ...person };
  for (const field of holder.fields) {
    const value = person[field];
    if (typeof value === 'string') next[field] = change(value, field);
  }
  return { ...event, data: { ...(event.data as object), [holder.person]: next } };
}

/** Whether stored events hold identifiers in plain text (stored before I2): erasing cannot remove them. */
export function holdsPlainIdentifiers(
  events: readonly { readonly streamId: string; readonly data: unknown }[],
): boolean {
  return events.some((e) => {
    const holder = holderOf(e.streamId);
    const person = personWithIdentifiers(holder, e.data);
    return (
      holder !== undefined &&
      person !== undefined &&
      holder.fields.some((f) => {
        const v = person[f];
        return typeof v === 'string' && !isCiphertext(v) && v !== ERASED_IDENTIFIER;
      })
    );
  });
}
