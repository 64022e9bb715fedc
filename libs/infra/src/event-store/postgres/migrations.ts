import type { SqlDatabase } from './sql-database.js';

/**
 * The event store's schema, created on start by versioned migrations (never edited once
 * released: a change is a new version). Each pending migration runs in one transaction under an
 * advisory lock, so processes starting together migrate once.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const EVENTS_TABLE = 'es_events';
/** The trigger enforcing U5; the contract suite disables it explicitly to prove tampering is caught. */
export const IMMUTABILITY_TRIGGER = 'es_events_immutable';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events table, global order by transaction id, immutability trigger',
    sql: `
      CREATE TABLE es_events (
        -- Drawn at insert, visible at commit: alone it is not a safe reading order (see
        -- postgres-event-store.ts); readers order by (tx_id, position) below the snapshot's xmin.
        position        bigint GENERATED ALWAYS AS IDENTITY,
        tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text NOT NULL,
        revision        bigint NOT NULL CHECK (revision >= 0),
        event_id        uuid NOT NULL,
        type            text NOT NULL,
        schema_version  integer NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        actor           jsonb NOT NULL,
        correlation_id  text NOT NULL,
        causation_id    text,
        data            jsonb NOT NULL,
        prev_hash       text NOT NULL,
        hash            text NOT NULL,
        CONSTRAINT es_events_global_order PRIMARY KEY (tx_id, position),
        -- Optimistic concurrency: two appends at one revision cannot both commit.
        CONSTRAINT es_events_stream_revision UNIQUE (stream_id, revision),
        -- Idempotency: an event id is stored once per stream.
        CONSTRAINT es_events_stream_event_id UNIQUE (stream_id, event_id)
      );
      COMMENT ON TABLE es_events IS
        'Event store (DESIGN.md). Append-only (U5): UPDATE, DELETE and TRUNCATE are refused by trigger es_events_immutable.';

      CREATE FUNCTION es_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'U5: events are never updated or deleted; % on es_events refused', TG_OP
          USING ERRCODE = 'restrict_violation',
                HINT = 'A correction is a new event that names the event it corrects.';
      END
      $$;
      CREATE TRIGGER es_events_immutable
        BEFORE UPDATE OR DELETE OR TRUNCATE ON es_events
        FOR EACH STATEMENT EXECUTE FUNCTION es_events_refuse_change();
    `,
  },
  {
    version: 2,
    description: 'U8: each event names its hash algorithm; a chain records where it switched',
    // Adding nullable columns rewrites no row and fires no UPDATE trigger: rows stored before
    // keep NULL, which reads as sha256 (the only algorithm there was).
    sql: `
      ALTER TABLE es_events ADD COLUMN hash_alg text, ADD COLUMN hash_switched_from text;
      COMMENT ON COLUMN es_events.hash_alg IS 'U8: sha256 or sm3; NULL = sha256 (rows stored before U8)';
      COMMENT ON COLUMN es_events.hash_switched_from IS
        'U8: on the first event of a chain''s new algorithm, the algorithm it replaces';
    `,
  },
  {
    version: 3,
    description: 'U7: bookkeeping of the sealer: the sealed head of every stream, bucket digests, last seal',
    // Bookkeeping, not evidence: the evidence is the seal events (stream "seals"), whose Merkle
    // root these rows must reproduce. libs/infra/src/seals explains the buckets.
    sql: `
      CREATE TABLE es_seal_leaves (
        stream_id text PRIMARY KEY,
        bucket    integer NOT NULL,
        revision  bigint NOT NULL,
        hash      text NOT NULL,
        seal_no   bigint NOT NULL
      );
      CREATE INDEX es_seal_leaves_bucket ON es_seal_leaves (bucket);
      CREATE TABLE es_seal_buckets (
        bucket integer PRIMARY KEY,
        digest text NOT NULL
      );
      CREATE TABLE es_seal_state (
        singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        seal_no      bigint NOT NULL,
        -- Rows of transactions at or above this xid were not all visible to the last seal: the next
        -- one reads es_events from here (index es_events_global_order), so it reads what changed.
        horizon      text NOT NULL,
        digest       text NOT NULL,
        stream_count bigint NOT NULL,
        sealed_at    timestamptz NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: 'I2: the data key of each case, wrapped under the master key, destroyed on erasure',
    sql: `
      CREATE TABLE es_data_keys (
        stream_id   text PRIMARY KEY,
        -- AES-256-GCM under the master key (DATA_KEY_SECRET); NULL once erased.
        wrapped_key text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        erased_at   timestamptz,
        legal_basis text,
        CHECK ((erased_at IS NULL) = (wrapped_key IS NOT NULL))
      );
      COMMENT ON TABLE es_data_keys IS
        'I2: per-case data keys, never in the events; erasing personal data destroys the key (个人信息保护法 art. 47)';
    `,
  },
];

const MIGRATION_LOCK = 0x65735f6d69677274n; // "es_migrt"

export class SchemaTooNew extends Error {
  readonly code = 'EVENT_STORE_SCHEMA_TOO_NEW' as const;
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `the event store schema is at version ${found}, newer than this code knows (${known}): upgrade the code`,
    );
    this.name = 'SchemaTooNew';
  }
}

/** Applies pending migrations; returns the versions it applied. */
export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await tx.execScript(`
      CREATE TABLE IF NOT EXISTS es_schema_migrations (
        version     integer PRIMARY KEY,
        description text NOT NULL,
        applied_at  timestamptz NOT NULL DEFAULT now()
      )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM es_schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const found = Math.max(0, ...applied);
    if (found > known) throw new SchemaTooNew(found, known);
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await tx.execScript(migration.sql);
      await tx.query('INSERT INTO es_schema_migrations (version, description) VALUES ($1, $2)', [
        migration.version,
        migration.description,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
