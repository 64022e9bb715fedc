/**
 * The events the store benches append: a staff member's step on a case, its ids fresh each time.
 * One place for the envelope, so the benches differ only in what they measure.
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedActor } from '#infra/event-store/event-store.port.js';

/** A window clerk of the market department (the benches' usual author). */
export const WINDOW_CLERK: RecordedActor = {
  id: 'staff-0042',
  name: '李晓明',
  role: 'window',
  departmentId: 'dept-market',
  windowId: 'w-7',
};

/** A new event of `type` with `data`, written now by `actor`, with fresh event and correlation ids. */
export function benchEvent(
  type: string,
  data: Record<string, unknown>,
  options: { readonly actor?: RecordedActor; readonly causationId?: string | null } = {},
): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: Date.now(),
    actor: options.actor ?? WINDOW_CLERK,
    correlationId: randomUUID(),
    causationId: options.causationId ?? null,
    data,
  };
}
