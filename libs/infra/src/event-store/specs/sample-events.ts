/** Sample events for the event store's specs and suites (test/event-store, the KurrentDB adapter's, the alert feed's). */
import { randomUUID } from 'node:crypto';
import type { RecordedActor, NewEvent } from '../event-store.port.js';

export const windowClerk: RecordedActor = {
  id: 'staff-0042',
  name: '李晓明',
  role: 'window',
  departmentId: 'dept-market-regulation',
  windowId: 'window-07',
};

/** A new event with fresh ids; `data` and anything else can be overridden. */
export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ApplicationAccepted',
    schemaVersion: 1,
    occurredAt: '2026-02-13T10:00:00.000+08:00',
    actor: windowClerk,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    data: { receiptNo: 'SL-2026-000123', matterCode: '11100000MB0143871X', note: '材料齐全，予以受理' },
    ...overrides,
  };
}

export function newEvents(count: number, overrides: Partial<NewEvent> = {}): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent({ data: { n: i }, ...overrides }));
}
