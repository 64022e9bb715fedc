/**
 * Events as stored may be of an older shape than the domain reads (DESIGN.md: a change of shape is
 * a new `schemaVersion` and an upcaster). Stored events are never edited; they are read through this.
 */
import type { CaseEvent } from './case-events.js';

/** A stored case event as read: its type, version and data as they were recorded. */
export interface StoredCaseEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: CaseEvent['actor'];
  readonly data: unknown;
}

/**
 * `CaseCompleted` v1 (before T12) closed the case whatever the outcome: read as v2 with the
 * decision delivered with it, so a case completed then is still closed now.
 */
export function upcastCaseEvent<E extends StoredCaseEvent>(event: E): E {
  if (event.type === 'CaseCompleted' && event.schemaVersion === 1)
    return {
      ...event,
      schemaVersion: 2,
      data: { ...(event.data as object), delivery: 'with_decision' },
    };
  return event;
}
