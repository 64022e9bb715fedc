/**
 * Seal benchmark (U7). Build, then run:
 *   npx tsc -p tsconfig.build.json && node dist/bench/seals/run.js
 *
 * On the PostgreSQL server (PG_TEST_URL, default postgres://postgres@127.0.0.1:5432/postgres), in a
 * database of its own (es_bench_seals_<hex>, dropped at the end): BENCH_STREAMS streams (default
 * 100,000) of BENCH_EVENTS_PER_STREAM events (default 2), hash-chained (SM3) exactly as the store
 * chains them and written in multi-row INSERTs (loading through single appends would take minutes
 * and measure the appends). Then it times:
 *   - the first seal (every stream is new to it),
 *   - a seal with nothing changed,
 *   - a seal after BENCH_CHANGED streams (default 1,000) each got one more event (real appends),
 *   - the full verification (seals, sealed heads against the events, every stream's chain).
 * The last line printed is one JSON object with those times in milliseconds.
 */
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { NewEvent } from '#infra/event-store/event-store.port.js';
import { PostgresEventStore } from '#infra/event-store/postgres/postgres-event-store.js';
import { prepareAppend } from '#infra/event-store/prepared-event.js';
import { EMPTY_STREAM, chainOnto } from '#infra/event-store/recorded-events.js';
import { SealVerifier } from '#infra/seals/seal-verifier.js';
import { Sealer } from '#infra/seals/sealer.js';
import { benchEvent } from '../support/bench-event.js';
import { scratchPostgresDatabase } from '../support/scratch-postgres.js';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 100_000);
const EVENTS_PER_STREAM = Number(process.env.BENCH_EVENTS_PER_STREAM ?? 2);
const CHANGED = Number(process.env.BENCH_CHANGED ?? 1000);
const BATCH_STREAMS = 2000;

const sealActor = {
  id: 'system:sealer',
  name: '存证封签程序',
  role: 'system',
  departmentId: null,
  windowId: null,
};

const newEvent = (n: number): NewEvent =>
  benchEvent('ApplicationAccepted', {
    n,
    receiptNo: `SL-2026-${String(n).padStart(6, '0')}`,
    note: '材料齐全，予以受理',
  });

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

async function load(store: PostgresEventStore): Promise<void> {
  const now = Date.now();
  for (let first = 0; first < STREAMS; first += BATCH_STREAMS) {
    const rows: string[][] = Array.from({ length: 9 }, () => []);
    for (let s = first; s < Math.min(first + BATCH_STREAMS, STREAMS); s++) {
      const streamId = `case-${String(s).padStart(8, '0')}`;
      const prepared = prepareAppend(
        streamId,
        Array.from({ length: EVENTS_PER_STREAM }, (_, i) => newEvent(i)),
        'no_stream',
      );
      const { events } = chainOnto(EMPTY_STREAM, streamId, prepared, now);
      for (const e of events) {
        const values = [
          e.streamId,
          String(e.revision),
          e.eventId,
          JSON.stringify(e.actor),
          e.correlationId,
          JSON.stringify(e.data),
          e.integrity.prevHash,
          e.integrity.hash,
          e.occurredAt,
        ];
        values.forEach((v, i) => rows[i].push(v));
      }
    }
    await store.database.query(
      `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at, actor,
                              correlation_id, causation_id, data, prev_hash, hash, hash_alg)
       SELECT u.s, u.r::bigint, u.id::uuid, 'ApplicationAccepted', 1, u.o::timestamptz, $10::timestamptz, u.a::jsonb,
              u.c, NULL, u.d::jsonb, u.p, u.h, 'sm3'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[]) AS u(s, r, id, a, c, d, p, h, o)`,
      [...rows, new Date(now).toISOString()],
    );
  }
}

async function main(): Promise<void> {
  const database = await scratchPostgresDatabase('es_bench_seals');
  const opened = await createEventStore(database.url);
  try {
    if (!(opened instanceof PostgresEventStore)) throw new Error('expected the PostgreSQL store');
    const store = opened;
    const [, loadMs] = await timed(() => load(store));
    await store.database.query('ANALYZE');
    console.log(`loaded ${STREAMS} streams x ${EVENTS_PER_STREAM} events in ${loadMs} ms`);
    const sealer = new Sealer(store);
    const [first, firstSealMs] = await timed(() => sealer.seal(sealActor));
    console.log(`first seal: ${firstSealMs} ms (${first?.changedStreams} streams)`);
    const [, unchangedSealMs] = await timed(() => sealer.seal(sealActor));
    console.log(`seal, nothing changed: ${unchangedSealMs} ms`);
    for (let i = 0; i < CHANGED; i += 50)
      await Promise.all(
        Array.from({ length: Math.min(50, CHANGED - i) }, (_, k) =>
          store.append(`case-${String(((i + k) * 97) % STREAMS).padStart(8, '0')}`, [newEvent(9)], 'any'),
        ),
      );
    const [changed, changedSealMs] = await timed(() => sealer.seal(sealActor));
    console.log(`seal after ${changed?.changedStreams} streams changed: ${changedSealMs} ms`);
    const [verification, verifyMs] = await timed(() => new SealVerifier(store).verify());
    console.log(
      `verification: ${verifyMs} ms, ok=${verification.ok}, ${verification.streamsChecked} streams, ${verification.sealsChecked} seals`,
    );
    console.log(
      JSON.stringify({
        streams: STREAMS,
        events: STREAMS * EVENTS_PER_STREAM + CHANGED,
        firstSealMs,
        unchangedSealMs,
        changedStreams: changed?.changedStreams,
        changedSealMs,
        verifyMs,
        verifyOk: verification.ok,
      }),
    );
  } finally {
    await opened.close();
    await database.drop();
  }
}

await main();
