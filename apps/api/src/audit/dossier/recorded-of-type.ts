import type { CaseEventOf, CaseEventType } from '#domain/case/case-events.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

/** A case's events of the given types, in order, each with its record (actor, id, time) and as the domain reads it. */
export function recordedOfType<T extends CaseEventType>(
  recorded: readonly RecordedEvent[],
  ...types: readonly T[]
): { readonly r: RecordedEvent; readonly e: CaseEventOf<T> }[] {
  const wanted: readonly string[] = types;
  const isWanted = (e: { readonly type: string }): e is CaseEventOf<T> => wanted.includes(e.type);
  return recorded.flatMap((r) => {
    const e = toCaseEvent(r);
    return isWanted(e) ? [{ r, e }] : [];
  });
}
