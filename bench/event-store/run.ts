/**
 * Event store append benchmark. Build, then run:
 *   npx tsc -p tsconfig.build.json && node dist/bench/event-store/run.js
 *
 * Single-event appends (each its own transaction, at the stream's expected revision, as a command
 * handler appends) at concurrency 1 and 16, and 100-event appends, on PGlite (a temporary folder)
 * and on the PostgreSQL server (PG_TEST_URL, default postgres://postgres@127.0.0.1:5432/postgres);
 * the same appends through Emmett's PostgreSQL event store on the same server; and the raw limit:
 * the same rows in multi-row INSERTs with `pg`, no event store around them. Every PostgreSQL run
 * gets a database of its own (es_bench_<hex>), dropped at the end.
 *
 * The last line printed is one JSON object (concurrency 16, PostgreSQL server; the mean of three
 * alternating rounds): appendsPerSec (single-event appends), emmettAppendsPerSec, ratioVsEmmett,
 * rawRowsPerSec (rows of 100-row INSERTs), ratioVsRaw (appendsPerSec / rawRowsPerSec).
 * BENCH_SECONDS sets each measurement's length (default 2; the whole run takes about a minute).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getPostgreSQLEventStore,
  type PostgresEventStore as EmmettEventStore,
} from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore, ExpectedRevision, NewEvent } from '#infra/event-store/event-store.port.js';
import { benchEvent, WINDOW_CLERK } from '../support/bench-event.js';
import { scratchPostgresDatabase } from '../support/scratch-postgres.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = 3;
const WARM_UP_MS = 500;
const POOL_SIZE = 10; // the default of this adapter, and of Emmett's pg pool

const payload = {
  caseId: 'c-2026-000123',
  matterCode: '11100000MB0143871X',
  receiptNo: 'SL-2026-000123',
  applicant: { kind: 'company', name: '北京某某科技有限公司' },
  note: '材料齐全，符合法定形式，予以受理',
};

const newEvent = (): NewEvent => benchEvent('ApplicationAccepted', payload, { causationId: randomUUID() });

interface Measurement {
  readonly label: string;
  readonly appendsPerSec: number;
  readonly eventsPerSec: number;
}

/**
 * Runs `concurrency` workers, each appending in a loop through its own `append` (which returns
 * how many events it wrote), for WARM_UP_MS unmeasured and then SECONDS measured.
 */
async function measure(
  label: string,
  concurrency: number,
  worker: () => () => Promise<number>,
): Promise<Measurement> {
  let measuring = false;
  let stop = false;
  let appends = 0;
  let events = 0;
  const loops = Array.from({ length: concurrency }, async () => {
    const append = worker();
    while (!stop) {
      const written = await append();
      if (measuring) {
        appends++;
        events += written;
      }
    }
  });
  await sleep(WARM_UP_MS);
  measuring = true;
  const started = performance.now();
  await sleep(SECONDS * 1000);
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(loops);
  const result = {
    label,
    appendsPerSec: Math.round(appends / elapsed),
    eventsPerSec: Math.round(events / elapsed),
  };
  console.log(
    `${label.padEnd(52)} ${String(result.appendsPerSec).padStart(7)} appends/s ${String(result.eventsPerSec).padStart(8)} events/s`,
  );
  return result;
}

function ourWorker(store: EventStore, batch: number): () => () => Promise<number> {
  return () => {
    const streamId = `bench-${randomUUID()}`;
    let expected: ExpectedRevision = 'no_stream';
    return async () => {
      const result = await store.append(streamId, Array.from({ length: batch }, newEvent), expected);
      expected = result.nextRevision;
      return batch;
    };
  };
}

function emmettWorker(store: EmmettEventStore, batch: number): () => () => Promise<number> {
  return () => {
    const streamId = `bench-${randomUUID()}`;
    let expected: bigint | 'STREAM_DOES_NOT_EXIST' = 'STREAM_DOES_NOT_EXIST';
    return async () => {
      const events = Array.from({ length: batch }, () => {
        const e = newEvent();
        return {
          type: e.type,
          data: payload,
          metadata: {
            eventId: e.eventId,
            actor: WINDOW_CLERK,
            correlationId: e.correlationId,
            causationId: e.causationId,
            occurredAt: e.occurredAt,
          },
        };
      });
      const result = await store.appendToStream(streamId, events, { expectedStreamVersion: expected });
      expected = result.nextExpectedStreamVersion;
      return batch;
    };
  };
}

/** The same rows as the event store writes (hashes, JSON, times), in multi-row INSERTs of `batch`. */
function rawWorker(pool: pg.Pool, batch: number): () => () => Promise<number> {
  const columns = 13;
  const placeholders = Array.from(
    { length: batch },
    (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
  ).join(', ');
  const sql = `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at, actor,
    correlation_id, causation_id, data, prev_hash, hash) VALUES ${placeholders}`;
  const actorJson = JSON.stringify(WINDOW_CLERK);
  const dataJson = JSON.stringify(payload);
  return () => {
    const streamId = `raw-${randomUUID()}`;
    let revision = 0;
    return async () => {
      const now = new Date().toISOString();
      const values: unknown[] = [];
      for (let i = 0; i < batch; i++) {
        values.push(
          streamId,
          revision++,
          randomUUID(),
          'ApplicationAccepted',
          1,
          now,
          now,
          actorJson,
          randomUUID(),
          randomUUID(),
        );
        values.push(dataJson, randomBytes(32).toString('hex'), randomBytes(32).toString('hex'));
      }
      await pool.query(sql, values);
      return batch;
    };
  };
}

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const database = await scratchPostgresDatabase('es_bench');
  try {
    return await work(database.url);
  } finally {
    await database.drop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  console.log(
    `event store append benchmark: ${SECONDS} s per measurement after ${WARM_UP_MS} ms warm-up, pool ${POOL_SIZE}`,
  );

  const pgliteDir = await mkdtemp(join(tmpdir(), 'es-bench-pglite-'));
  try {
    const store = await createEventStore(`pglite://${pgliteDir}`);
    await measure('PGlite: single-event appends, concurrency 1', 1, ourWorker(store, 1));
    await measure('PGlite: single-event appends, concurrency 16', 16, ourWorker(store, 1));
    await measure('PGlite: 100-event appends, concurrency 1', 1, ourWorker(store, 100));
    await store.close();
  } finally {
    await rm(pgliteDir, { recursive: true, force: true });
  }

  await withDatabase(async (oursUrl) =>
    withDatabase(async (emmettUrl) =>
      withDatabase(async (rawUrl) => {
        const ours = await createEventStore(oursUrl, { maxConnections: POOL_SIZE });
        // Emmett on a pool of the same size, which this script owns and ends.
        const emmettPool = new pg.Pool({ connectionString: emmettUrl, max: POOL_SIZE });
        const emmett = getPostgreSQLEventStore(emmettUrl, { connectionOptions: { pool: emmettPool } });
        // The raw rows go into the event store's own table (created by opening it), around the store.
        await (await createEventStore(rawUrl)).close();
        const rawPool = new pg.Pool({ connectionString: rawUrl, max: POOL_SIZE });
        for (const pool of [emmettPool, rawPool]) pool.on('error', () => undefined);
        try {
          await emmett.schema.migrate();
          await measure('PostgreSQL: single-event appends, concurrency 1', 1, ourWorker(ours, 1));
          await measure('Emmett PostgreSQL: single-event appends, concurrency 1', 1, emmettWorker(emmett, 1));
          await measure('PostgreSQL: 100-event appends, concurrency 1', 1, ourWorker(ours, 100));
          await measure('Emmett PostgreSQL: 100-event appends, concurrency 1', 1, emmettWorker(emmett, 100));
          await measure('PostgreSQL: 100-event appends, concurrency 16', 16, ourWorker(ours, 100));
          await measure(
            'Emmett PostgreSQL: 100-event appends, concurrency 16',
            16,
            emmettWorker(emmett, 100),
          );
          await measure('raw pg: multi-row INSERT of 100 rows, concurrency 1', 1, rawWorker(rawPool, 100));

          // The headline figures, in alternating rounds so that other load on the machine falls
          // on all three alike.
          const rounds: { ours: Measurement[]; emmett: Measurement[]; raw: Measurement[] } = {
            ours: [],
            emmett: [],
            raw: [],
          };
          for (let round = 1; round <= ROUNDS; round++) {
            rounds.ours.push(
              await measure(
                `PostgreSQL: single-event appends, concurrency 16 (${round})`,
                16,
                ourWorker(ours, 1),
              ),
            );
            rounds.emmett.push(
              await measure(
                `Emmett PostgreSQL: single-event appends, concurrency 16 (${round})`,
                16,
                emmettWorker(emmett, 1),
              ),
            );
            rounds.raw.push(
              await measure(
                `raw pg: multi-row INSERT of 100 rows, concurrency 16 (${round})`,
                16,
                rawWorker(rawPool, 100),
              ),
            );
          }
          const mean = (ms: Measurement[], key: 'appendsPerSec' | 'eventsPerSec'): number =>
            Math.round(ms.reduce((sum, m) => sum + m[key], 0) / ms.length);
          const appendsPerSec = mean(rounds.ours, 'appendsPerSec');
          const emmettAppendsPerSec = mean(rounds.emmett, 'appendsPerSec');
          const rawRowsPerSec = mean(rounds.raw, 'eventsPerSec');
          const round2 = (x: number): number => Math.round(x * 100) / 100;
          console.log(
            JSON.stringify({
              appendsPerSec,
              emmettAppendsPerSec,
              ratioVsEmmett: round2(appendsPerSec / emmettAppendsPerSec),
              rawRowsPerSec,
              ratioVsRaw: round2(appendsPerSec / rawRowsPerSec),
            }),
          );
        } finally {
          await ours.close();
          await emmett.close();
          await emmettPool.end();
          await rawPool.end();
        }
      }),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
