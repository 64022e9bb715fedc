import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../event-store.port.js';

/** A new event with fresh ids, as a command handler hands it to `append`. */
export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ApplicationAccepted',
    schemaVersion: 1,
    occurredAt: '2026-02-13T10:00:00.000+08:00',
    actor: {
      id: 'staff-0042',
      name: '李晓明',
      role: 'window',
      departmentId: 'dept-1',
      windowId: 'window-07',
    },
    correlationId: randomUUID(),
    causationId: null,
    data: { receiptNo: 'SL-2026-000123', note: '材料齐全，予以受理' },
    ...overrides,
  };
}
