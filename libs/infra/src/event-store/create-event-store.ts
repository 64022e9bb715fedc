import { join } from 'node:path';
import type { EventStore } from './event-store.port.js';
import { checkKurrentConnectionString, isKurrentUrl } from './kurrentdb/kurrentdb-connection-string.js';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
import { openPgPoolDatabase } from './postgres/pg-pool-database.js';
import { openPgliteDatabase } from './postgres/pglite-database.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

export interface CreateEventStoreOptions {
  /** Where embedded data lives when the URL names no directory; default `./data` (PGlite under `<dataDir>/events`). */
  readonly dataDir?: string;
  /** The clock that stamps `recordedAt`; default the system clock. */
  readonly clock?: () => Date;
  /** How often live subscribers poll when no wake-up comes; default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** PostgreSQL server pool size; default 10. */
  readonly maxConnections?: number;
}

export type EventStoreLocation =
  | { readonly kind: 'postgres'; readonly connectionString: string }
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'kurrentdb'; readonly connectionString: string };

export class UnsupportedEventStoreUrl extends Error {
  readonly code = 'UNSUPPORTED_EVENT_STORE_URL' as const;
  constructor(readonly url: string) {
    super(
      `EVENT_STORE_URL ${JSON.stringify(redact(url))} is not supported: use postgres:// or postgresql:// (PostgreSQL), ` +
        `pglite://<directory> or leave it unset (embedded PGlite), or kurrentdb://, kurrentdb+discover://, kdb://, ` +
        `kurrent://, esdb:// (deprecated), esdb+discover:// (EventStoreDB/KurrentDB)`,
    );
    this.name = 'UnsupportedEventStoreUrl';
  }
}

/** An EventStoreDB connection string its client refuses (checked by the client's own parser). */
export class InvalidEventStoreUrl extends Error {
  readonly code = 'INVALID_EVENT_STORE_URL' as const;
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'InvalidEventStoreUrl';
  }
}

/** Which adapter a URL names (DESIGN.md, "Event store": chosen by `EVENT_STORE_URL`). */
export function locateEventStore(
  url: string | undefined,
  options: Pick<CreateEventStoreOptions, 'dataDir'> = {},
): EventStoreLocation {
  const defaultDir = join(options.dataDir ?? './data', 'events');
  const trimmed = url?.trim() ?? '';
  if (trimmed === '') return { kind: 'pglite', dataDir: defaultDir };
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'postgres:' || scheme === 'postgresql:')
    return { kind: 'postgres', connectionString: trimmed };
  if (scheme === 'pglite:') {
    const dir = trimmed.slice('pglite:'.length).replace(/^\/\//, '');
    return { kind: 'pglite', dataDir: dir === '' ? defaultDir : dir };
  }
  if (isKurrentUrl(trimmed)) {
    // As written: the client's parser is case-sensitive, and takes the cluster form new URL() refuses.
    const check = checkKurrentConnectionString(trimmed);
    if (!check.ok) throw new InvalidEventStoreUrl(check.problem);
    return { kind: 'kurrentdb', connectionString: trimmed };
  }
  throw new UnsupportedEventStoreUrl(trimmed);
}

/** Opens the event store a URL names; PostgreSQL and PGlite are migrated before this resolves. */
export async function createEventStore(
  url: string | undefined,
  options: CreateEventStoreOptions = {},
): Promise<EventStore> {
  const location = locateEventStore(url, options);
  switch (location.kind) {
    case 'postgres':
      return PostgresEventStore.open(
        openPgPoolDatabase(location.connectionString, { maxConnections: options.maxConnections }),
        options,
      );
    case 'pglite':
      return PostgresEventStore.open(await openPgliteDatabase(location.dataDir), options);
    case 'kurrentdb':
      return KurrentDbEventStore.connect(location.connectionString, options);
  }
}

/** Never echo a password from a URL into an error message or a log. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
