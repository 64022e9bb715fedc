import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnsupportedEventStoreUrl, createEventStore, locateEventStore } from './create-event-store.js';

describe('locateEventStore (EVENT_STORE_URL)', () => {
  it.each([
    [undefined, { kind: 'pglite', dataDir: join('data', 'events') }],
    ['', { kind: 'pglite', dataDir: join('data', 'events') }],
    ['pglite://', { kind: 'pglite', dataDir: join('data', 'events') }],
    ['pglite:///var/lib/cases/events', { kind: 'pglite', dataDir: '/var/lib/cases/events' }],
    ['pglite://./local/events', { kind: 'pglite', dataDir: './local/events' }],
    ['postgres://app@db:5432/cases', { kind: 'postgres', connectionString: 'postgres://app@db:5432/cases' }],
    ['postgresql://app@db/cases', { kind: 'postgres', connectionString: 'postgresql://app@db/cases' }],
    [
      'esdb://localhost:2113?tls=false',
      { kind: 'kurrentdb', connectionString: 'esdb://localhost:2113?tls=false' },
    ],
    ['esdb+discover://cluster:2113', { kind: 'kurrentdb', connectionString: 'esdb+discover://cluster:2113' }],
    [
      'kurrentdb://localhost:2113?tls=false',
      { kind: 'kurrentdb', connectionString: 'kurrentdb://localhost:2113?tls=false' },
    ],
  ])('%j', (url, location) => {
    expect(locateEventStore(url)).toEqual(location);
  });

  it('puts the default PGlite folder under dataDir', () => {
    expect(locateEventStore(undefined, { dataDir: '/srv/data' })).toEqual({
      kind: 'pglite',
      dataDir: '/srv/data/events',
    });
  });

  it('refuses anything else clearly, without echoing a password', () => {
    const attempt = () => locateEventStore('mysql://app:s3cret@db/cases');
    expect(attempt).toThrow(UnsupportedEventStoreUrl);
    expect(attempt).toThrow(/postgres:\/\/.*pglite:\/\/.*esdb:\/\//);
    expect(attempt).not.toThrow(/s3cret/);
    expect(() => locateEventStore('/just/a/path')).toThrow(UnsupportedEventStoreUrl);
  });
});

describe('createEventStore', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'es-factory-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens embedded PGlite by default under <dataDir>/events, and finds it again by pglite:// URL', async () => {
    const actor = { id: 'u1', name: '钱七', role: 'admin', departmentId: null, windowId: null };
    const event = {
      eventId: randomUUID(),
      type: 'CalendarYearPublished',
      schemaVersion: 1,
      occurredAt: new Date(),
      actor,
      correlationId: randomUUID(),
      causationId: null,
      data: { year: 2026 },
    };
    const first = await createEventStore(undefined, { dataDir });
    const appended = await first.append('calendar-2026', [event], 'no_stream');
    await first.close();

    const again = await createEventStore(`pglite://${join(dataDir, 'events')}`);
    expect(await again.readStream('calendar-2026')).toEqual(appended.events);
    await again.close();
  });
});
