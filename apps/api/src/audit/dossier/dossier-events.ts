import type { RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import type { CaseEventOf, CaseEventType } from '#domain/case/case-events.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

/** A case's event as recorded (actor, id, time, revision) and as the domain reads it. */
export interface DossierEvent<E extends { readonly type: string } = RecordedCaseEvent> {
  readonly r: RecordedEvent;
  readonly e: E;
}

/** The case's events, each upcast once for every section of the dossier. */
export const dossierEvents = (recorded: readonly RecordedEvent[]): DossierEvent[] =>
  recorded.map((r) => ({ r, e: toCaseEvent(r) }));

/** The events of the given types, in order, typed by their type. */
export function ofType<T extends CaseEventType>(
  events: readonly DossierEvent[],
  ...types: readonly T[]
): DossierEvent<CaseEventOf<T>>[] {
  const wanted: readonly string[] = types;
  const isWanted = (e: { readonly type: string }): e is CaseEventOf<T> => wanted.includes(e.type);
  return events.flatMap(({ r, e }) => (isWanted(e) ? [{ r, e }] : []));
}
