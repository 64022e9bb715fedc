import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createEventStore } from '../event-store/create-event-store.js';
import type { EventStore, NewEvent } from '../event-store/event-store.port.js';
import { latestEventTime, manualClockStart } from './manual-clock-start.js';

const at = (iso: string): number => Date.parse(iso);

const newEvent = (occurredAt: string): NewEvent => ({
  eventId: randomUUID(),
  type: 'InquiryRegistered',
  schemaVersion: 1,
  occurredAt,
  actor: { id: 'u-window', name: '窗口王芳', role: 'window', departmentId: 'dept-market', windowId: 'win-3' },
  correlationId: randomUUID(),
  causationId: null,
  data: {},
});

describe('where a manual clock starts (CLOCK_START, U2)', () => {
  let dir: string;
  let store: EventStore;
  let recordedAt = at('2025-10-08T01:00:00Z');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'manual-clock-start-'));
    store = await createEventStore(`pglite://${dir}`, { clock: () => new Date(recordedAt) });
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts an empty store at CLOCK_START, or at the real time without it', async () => {
    expect(await latestEventTime(store)).toBeUndefined();
    const start = at('2025-09-30T02:00:00Z');
    expect(await manualClockStart(store, start, at('2026-11-30T00:00:00Z'))).toEqual({
      at: start,
      source: 'CLOCK_START',
    });
    expect(await manualClockStart(store, undefined, at('2026-11-30T00:00:00Z'))).toEqual({
      at: at('2026-11-30T00:00:00Z'),
      source: 'wall clock',
    });
  });

  it('never starts before the latest recordedAt or occurredAt, read over every page of the store', async () => {
    // Pages of 2: the latest event is on the second page, and is not the last event.
    for (const id of ['case-0', 'case-1'])
      await store.append(id, [newEvent('2025-10-08T08:00:00+08:00')], 'no_stream');
    recordedAt = at('2025-10-09T01:00:00Z');
    await store.append('case-2', [newEvent('2025-10-09T08:00:00+08:00')], 'no_stream');
    recordedAt = at('2025-10-08T01:00:00Z');
    await store.append('case-3', [newEvent('2025-10-08T08:00:00+08:00')], 'no_stream');

    expect(await latestEventTime(store, 2)).toBe(at('2025-10-09T01:00:00Z'));
    expect(await manualClockStart(store, at('2025-09-30T02:00:00Z'), at('2025-01-01T00:00:00Z'))).toEqual({
      at: at('2025-10-09T01:00:00Z'),
      source: 'latest event',
    });
    // A CLOCK_START after the store's history wins.
    expect(await manualClockStart(store, at('2025-12-01T00:00:00Z'), 0)).toEqual({
      at: at('2025-12-01T00:00:00Z'),
      source: 'CLOCK_START',
    });
  });
});
