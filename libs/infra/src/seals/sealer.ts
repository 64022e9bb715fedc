import { randomUUID } from 'node:crypto';
import type { RecordedActor } from '../event-store/event-store.port.js';
import type { PostgresEventStore } from '../event-store/postgres/postgres-event-store.js';
import { ifMatchUnmet } from '../command-handling/handle-command.js';
import type { TransactionAppend } from '../event-store/postgres/postgres-append.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '../event-store/postgres/event-rows.js';
import type { SqlTransaction } from '../event-store/postgres/sql-database.js';
import { formatShanghaiIso } from '../event-store/shanghai-instant.js';
import { HORIZON } from '../event-store/postgres/event-sql.js';
import {
  EMPTY_BUCKET_DIGEST,
  FIRST_SEAL_PREVIOUS,
  SEAL_ALGORITHM,
  SEAL_BUCKETS,
  bucketDigest,
  bucketOf,
  merkleRoot,
  sealDigest,
  type SealedHead,
} from './seal-digest.js';
import { sealOf } from './seal-records.js';
import { SEALS_STREAM, STORE_SEALED, type Seal, type SealData } from './seal.js';

/**
 * Records a seal (U7) in one transaction with its bookkeeping, under an advisory lock, so two
 * sealers (two processes, a scheduled and an on-demand one) never interleave.
 *
 * Cost. The streams changed since the last seal are read from es_events by transaction id
 * (`tx_id >= horizon`, a range of the primary key): the rows appended since, nothing else. Their
 * buckets' leaves are read (streams/4096 each) and rehashed, then the 4,096 bucket digests are read
 * and the root recomputed. No write on the append path: sealing costs appends nothing.
 *
 * A stream's sealed head only moves forward, and only from an intact sealed event: a head at or
 * below its sealed revision, or a stream whose sealed event is gone or changed (rewritten, then
 * extended), keeps its sealed leaf, so a seal never launders tampering.
 */
const SEAL_LOCK = 0x65735f7365616cn; // "es_seal"
const CHUNK = 5000;

interface StateRow {
  readonly seal_no: string;
  readonly horizon: string;
  readonly digest: string;
  readonly stream_count: string;
  readonly sealed_ms: number;
}

const CHANGED_HEADS = `
  ${HORIZON}
  SELECT horizon.xmin::text AS horizon, c.stream_id, c.revision, c.hash
  FROM horizon LEFT JOIN LATERAL (
    SELECT DISTINCT ON (ev.stream_id) ev.stream_id, ev.revision::text AS revision, ev.hash
    FROM es_events ev
    WHERE ev.tx_id >= $1::text::xid8 AND ev.stream_id <> $2
    ORDER BY ev.stream_id, ev.revision DESC
  ) c ON true`;

export interface SealOptions {
  /** Record nothing when the last seal is younger than this (the scheduled sealer of several processes). */
  readonly unlessSealedWithinMs?: number;
}

/** A seal asked for over HTTP (API.md "Conventions": a command's headers). */
export interface SealRequest {
  /** Idempotency-Key: the seal's event id and its causation id, derived from the key and the request. */
  readonly keyed?: { readonly eventId: string; readonly causationId: string };
  /** If-Match: the revision of the `seals` stream the caller last saw; `'*'`: some seal exists. */
  readonly ifMatch?: number | '*';
  /** X-Correlation-Id (U1). */
  readonly correlationId?: string;
}

/** What a requested seal did: recorded (or, for a keyed retry, found), or nothing and why. */
export type SealAnswer =
  | { readonly kind: 'sealed'; readonly seal: Seal; readonly replayed: boolean }
  | { readonly kind: 'precondition_failed'; readonly detail: string }
  | { readonly kind: 'key_reused' };

export class Sealer {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The new seal, or `undefined` when `unlessSealedWithinMs` found a recent one. */
  async seal(actor: RecordedActor, options: SealOptions = {}): Promise<Seal | undefined> {
    return this.store.inTransaction(async (tx, append) => {
      const state = await lockedState(tx);
      const nowMs = this.clock().getTime();
      const within = options.unlessSealedWithinMs;
      if (state && within !== undefined && nowMs - state.sealed_ms < within) return undefined;
      return this.record(tx, append, state, { actor, nowMs });
    });
  }

  /**
   * A seal on request: a keyed retry is answered with the seal its first attempt recorded (the
   * same request) or refused (another request under the key); If-Match is judged on the `seals`
   * stream, all under the sealers' lock, so no other seal slips in between.
   */
  async sealOnRequest(actor: RecordedActor, request: SealRequest): Promise<SealAnswer> {
    return this.store.inTransaction(async (tx, append): Promise<SealAnswer> => {
      const state = await lockedState(tx);
      if (request.keyed) {
        const [row] = await tx.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM es_events ev WHERE ev.stream_id = $1 AND ev.event_id = $2::uuid`,
          [SEALS_STREAM, request.keyed.eventId],
        );
        const first = row && toRecordedEvent(row);
        if (first && first.causationId !== request.keyed.causationId) return { kind: 'key_reused' };
        const seal = first && sealOf(first);
        if (first && !seal) throw new Error('U7: a keyed seal does not read back as a seal');
        if (seal) return { kind: 'sealed', seal, replayed: true };
      }
      const unmet = ifMatchUnmet(request.ifMatch, SEALS_STREAM, state ? Number(state.seal_no) - 1 : -1);
      if (unmet) return unmet;
      const seal = await this.record(tx, append, state, {
        actor,
        nowMs: this.clock().getTime(),
        ...(request.keyed && request.keyed),
        ...(request.correlationId !== undefined && { correlationId: request.correlationId }),
      });
      return { kind: 'sealed', seal, replayed: false };
    });
  }

  /** Computes and records the next seal after `state`, with its bookkeeping, in `tx`. */
  private async record(
    tx: SqlTransaction,
    append: TransactionAppend,
    state: StateRow | undefined,
    ids: {
      readonly actor: RecordedActor;
      readonly nowMs: number;
      readonly eventId?: string;
      readonly causationId?: string;
      readonly correlationId?: string;
    },
  ): Promise<Seal> {
    const { actor, nowMs } = ids;
    const changedRows = await tx.query<{
      horizon: string;
      stream_id: string | null;
      revision: string | null;
      hash: string | null;
    }>(CHANGED_HEADS, [state?.horizon ?? '0', SEALS_STREAM]);
    const horizon = changedRows[0].horizon;
    const changed: SealedHead[] = changedRows.flatMap((r) =>
      r.stream_id === null || r.revision === null || r.hash === null
        ? []
        : [{ streamId: r.stream_id, revision: Number(r.revision), hash: r.hash }],
    );
    const sealed = await sealedRevisions(
      tx,
      changed.map((h) => h.streamId),
    );
    const advanced = changed.filter((h) => (sealed.get(h.streamId) ?? -1) < h.revision);
    const newStreams = advanced.filter((h) => !sealed.has(h.streamId)).length;

    const digests = await bucketDigests(tx);
    const touched = [...new Set(advanced.map((h) => bucketOf(h.streamId)))];
    const leaves = await leavesOf(tx, touched);
    for (const head of advanced) leaves.get(bucketOf(head.streamId))?.set(head.streamId, head);
    for (const bucket of touched) digests[bucket] = bucketDigest([...(leaves.get(bucket)?.values() ?? [])]);

    const sealNo = Number(state?.seal_no ?? 0) + 1;
    const fields = {
      sealNo,
      sealedAt: formatShanghaiIso(nowMs),
      merkleRoot: merkleRoot(digests),
      streamCount: Number(state?.stream_count ?? 0) + newStreams,
      previousDigest: state?.digest ?? FIRST_SEAL_PREVIOUS,
    };
    const data: SealData = {
      ...fields,
      digest: sealDigest(fields),
      algorithm: SEAL_ALGORITHM,
      buckets: SEAL_BUCKETS,
      changedStreams: advanced.length,
    };
    const { events } = await append(
      SEALS_STREAM,
      [
        {
          eventId: ids.eventId ?? randomUUID(),
          type: STORE_SEALED,
          schemaVersion: 1,
          occurredAt: nowMs,
          actor,
          correlationId: ids.correlationId ?? randomUUID(),
          causationId: ids.causationId ?? null,
          data,
        },
      ],
      sealNo === 1 ? 'no_stream' : sealNo - 2,
    );
    await writeLeaves(tx, advanced, sealNo);
    await writeBuckets(tx, touched, digests);
    await tx.query(
      `INSERT INTO es_seal_state (singleton, seal_no, horizon, digest, stream_count, sealed_at)
         VALUES (true, $1, $2, $3, $4, $5::timestamptz)
         ON CONFLICT (singleton) DO UPDATE SET seal_no = $1, horizon = $2, digest = $3, stream_count = $4,
           sealed_at = $5::timestamptz`,
      [sealNo, horizon, data.digest, data.streamCount, new Date(nowMs).toISOString()],
    );
    const seal = sealOf(events[0]);
    if (!seal) throw new Error('U7: the seal just recorded does not read back as a seal');
    return seal;
  }
}

/** The sealers' lock (held to the transaction's end) and the last seal's state, if any. */
async function lockedState(tx: SqlTransaction): Promise<StateRow | undefined> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK.toString()]);
  const [state] = await tx.query<StateRow>(
    `SELECT seal_no::text AS seal_no, horizon, digest, stream_count::text AS stream_count,
            (extract(epoch FROM sealed_at) * 1000)::float8 AS sealed_ms FROM es_seal_state`,
  );
  return state;
}

/**
 * The sealed revision of each stream whose sealed event is still there with its sealed hash; a
 * stream whose sealed event is gone or changed maps to Infinity, so its leaf never moves again.
 */
async function sealedRevisions(
  tx: SqlTransaction,
  streamIds: readonly string[],
): Promise<Map<string, number>> {
  const sealed = new Map<string, number>();
  for (let i = 0; i < streamIds.length; i += CHUNK) {
    const rows = await tx.query<{ stream_id: string; revision: string; intact: boolean }>(
      `SELECT l.stream_id, l.revision::text AS revision, (e.hash IS NOT DISTINCT FROM l.hash) AS intact
       FROM es_seal_leaves l LEFT JOIN es_events e ON e.stream_id = l.stream_id AND e.revision = l.revision
       WHERE l.stream_id = ANY($1::text[])`,
      [streamIds.slice(i, i + CHUNK)],
    );
    for (const row of rows) sealed.set(row.stream_id, row.intact ? Number(row.revision) : Infinity);
  }
  return sealed;
}

/** Every bucket's digest as last sealed (empty buckets have none stored). */
export async function bucketDigests(tx: Pick<SqlTransaction, 'query'>): Promise<string[]> {
  const digests = Array.from({ length: SEAL_BUCKETS }, () => EMPTY_BUCKET_DIGEST);
  const rows = await tx.query<{ bucket: number; digest: string }>(
    'SELECT bucket, digest FROM es_seal_buckets',
  );
  for (const row of rows) digests[row.bucket] = row.digest;
  return digests;
}

async function leavesOf(
  tx: SqlTransaction,
  buckets: readonly number[],
): Promise<Map<number, Map<string, SealedHead>>> {
  const leaves = new Map(buckets.map((b) => [b, new Map<string, SealedHead>()]));
  for (let i = 0; i < buckets.length; i += CHUNK / 10) {
    const rows = await tx.query<{ bucket: number; stream_id: string; revision: string; hash: string }>(
      `SELECT bucket, stream_id, revision::text AS revision, hash FROM es_seal_leaves
       WHERE bucket = ANY($1::int4[])`,
      [buckets.slice(i, i + CHUNK / 10)],
    );
    for (const r of rows)
      leaves
        .get(r.bucket)
        ?.set(r.stream_id, { streamId: r.stream_id, revision: Number(r.revision), hash: r.hash });
  }
  return leaves;
}

async function writeLeaves(tx: SqlTransaction, heads: readonly SealedHead[], sealNo: number): Promise<void> {
  for (let i = 0; i < heads.length; i += CHUNK) {
    const chunk = heads.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO es_seal_leaves (stream_id, bucket, revision, hash, seal_no)
       SELECT u.stream_id, u.bucket, u.revision, u.hash, $5 FROM unnest($1::text[], $2::int4[], $3::int8[], $4::text[])
         AS u(stream_id, bucket, revision, hash)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash, seal_no = excluded.seal_no`,
      [
        chunk.map((h) => h.streamId),
        chunk.map((h) => bucketOf(h.streamId)),
        chunk.map((h) => String(h.revision)),
        chunk.map((h) => h.hash),
        sealNo,
      ],
    );
  }
}

async function writeBuckets(
  tx: SqlTransaction,
  buckets: readonly number[],
  digests: readonly string[],
): Promise<void> {
  if (buckets.length === 0) return;
  await tx.query(
    `INSERT INTO es_seal_buckets (bucket, digest) SELECT * FROM unnest($1::int4[], $2::text[])
     ON CONFLICT (bucket) DO UPDATE SET digest = excluded.digest`,
    [buckets, buckets.map((b) => digests[b])],
  );
}
