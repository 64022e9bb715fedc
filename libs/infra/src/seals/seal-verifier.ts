import type { RecordedEvent } from '../event-store/event-store.port.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '../event-store/postgres/event-rows.js';
import type { PostgresEventStore } from '../event-store/postgres/postgres-event-store.js';
import { verifyChain } from '../integrity/hash-chain.js';
import { SEAL_BUCKETS, bucketDigest, bucketOf, merkleRoot, type SealedHead } from './seal-digest.js';
import { sealLinkHolds, sealOf } from './seal-records.js';
import { SEALS_STREAM, type Seal, type SealProblem, type SealVerification } from './seal.js';

/**
 * Verifies the store against its seals (U7; `GET /audit/seals/verification`), in four steps:
 *
 * 1. the `seals` stream: its hash chain (U3), each seal's digest and its link to the one before;
 *    the sealer's last recorded seal must still be there (a removed last seal: `truncated`);
 * 2. the sealer's leaves must reproduce the last seal's Merkle root and stream count, so the
 *    sealed heads used below are the sealed ones;
 * 3. every sealed head against the events, in one indexed query: no event left (`missing`), fewer
 *    revisions than sealed (`truncated`), another hash at the sealed revision (`altered`);
 * 4. every stream's hash chain (U3), read in (stream, revision) order: a link broken by an edit
 *    that left the head alone (`altered`, with `firstBrokenRevision`).
 *
 * Scaling: steps 1–3 grow with seals and streams (index lookups); step 4 reads and hashes every
 * event, so a full verification grows with the store (bench/seals measures both).
 */
const PAGE = 5000;

const SEALED_HEADS_THAT_DIFFER = `
  SELECT l.stream_id, l.revision::text AS revision, e.hash AS found_hash,
         (SELECT max(x.revision) FROM es_events x WHERE x.stream_id = l.stream_id)::text AS found_revision
  FROM es_seal_leaves l LEFT JOIN es_events e ON e.stream_id = l.stream_id AND e.revision = l.revision
  WHERE e.hash IS DISTINCT FROM l.hash`;

export class SealVerifier {
  constructor(private readonly store: PostgresEventStore) {}

  async verify(): Promise<SealVerification> {
    const db = this.store.database;
    // A seal recorded while steps 1 and 2 read would mix two seals: read them again then.
    let checked = await this.checkSeals();
    for (let attempt = 1; attempt < 3 && checked.sealedBy !== (await this.recordedSeals()); attempt++)
      checked = await this.checkSeals();
    const { leaves, sealsChecked } = checked;
    const problems: SealProblem[] = [...checked.problems];

    const reported = new Set<string>();
    for (const row of await db.query<{
      stream_id: string;
      revision: string;
      found_hash: string | null;
      found_revision: string | null;
    }>(SEALED_HEADS_THAT_DIFFER)) {
      reported.add(row.stream_id);
      const sealedRevision = Number(row.revision);
      if (row.found_revision === null)
        problems.push({ streamId: row.stream_id, problem: 'missing', sealedRevision });
      else
        problems.push({
          streamId: row.stream_id,
          problem: row.found_hash === null ? 'truncated' : 'altered',
          sealedRevision,
          foundRevision: Number(row.found_revision),
        });
    }

    for await (const events of this.streams()) {
      const { streamId } = events[0];
      const verification = verifyChain(events);
      if (verification.ok || reported.has(streamId)) continue;
      problems.push({
        streamId,
        problem: 'altered',
        sealedRevision: leaves.get(streamId)?.revision ?? -1,
        foundRevision: events[events.length - 1].revision,
        ...(verification.firstBrokenRevision !== undefined && {
          firstBrokenRevision: verification.firstBrokenRevision,
        }),
      });
    }
    return {
      ok: problems.length === 0,
      sealsChecked,
      streamsChecked: leaves.size,
      problems,
    };
  }

  /** Steps 1 and 2, as of the sealer's last recorded seal `sealedBy`. */
  private async checkSeals(): Promise<{
    sealedBy: number;
    problems: SealProblem[];
    sealsChecked: number;
    leaves: Map<string, SealedHead>;
  }> {
    const problems: SealProblem[] = [];
    const recordedSeals = await this.recordedSeals();
    const sealEvents = await this.store.readStream(SEALS_STREAM);
    const seals = sealEvents.map(sealOf);
    const chain = verifyChain(sealEvents);
    const lastRevision = sealEvents.length - 1;
    let brokenSeal = chain.firstBrokenRevision;
    seals.forEach((seal, i) => {
      const previous = i === 0 ? undefined : seals[i - 1];
      if (brokenSeal === undefined && (!seal || !sealLinkHolds(seal, previous))) brokenSeal = i;
    });
    if (brokenSeal !== undefined)
      problems.push({
        streamId: SEALS_STREAM,
        problem: 'altered',
        sealedRevision: lastRevision,
        foundRevision: lastRevision,
        firstBrokenRevision: brokenSeal,
      });

    const lastSeal: Seal | undefined = seals[seals.length - 1];
    if (recordedSeals > sealEvents.length)
      problems.push({
        streamId: SEALS_STREAM,
        problem: sealEvents.length === 0 ? 'missing' : 'truncated',
        sealedRevision: recordedSeals - 1,
        ...(sealEvents.length > 0 && { foundRevision: lastRevision }),
      });

    const leaves = await this.sealedLeaves();
    if (lastSeal && recordedSeals === lastSeal.sealNo) {
      const byBucket = Array.from({ length: SEAL_BUCKETS }, (): SealedHead[] => []);
      for (const leaf of leaves.values()) byBucket[bucketOf(leaf.streamId)].push(leaf);
      const root = merkleRoot(byBucket.map(bucketDigest));
      if (root !== lastSeal.merkleRoot || leaves.size !== lastSeal.streamCount)
        problems.push({
          streamId: SEALS_STREAM,
          problem: 'altered',
          sealedRevision: lastSeal.revision,
          foundRevision: lastRevision,
        });
    }

    return { sealedBy: recordedSeals, problems, sealsChecked: sealEvents.length, leaves };
  }

  private async recordedSeals(): Promise<number> {
    const [state] = await this.store.database.query<{ seal_no: string }>(
      'SELECT seal_no::text AS seal_no FROM es_seal_state',
    );
    return Number(state?.seal_no ?? 0);
  }

  private async sealedLeaves(): Promise<Map<string, SealedHead>> {
    const leaves = new Map<string, SealedHead>();
    let after = '';
    for (;;) {
      const rows = await this.store.database.query<{ stream_id: string; revision: string; hash: string }>(
        `SELECT stream_id, revision::text AS revision, hash FROM es_seal_leaves
         WHERE stream_id > $1 ORDER BY stream_id LIMIT $2`,
        [after, PAGE * 4],
      );
      for (const r of rows)
        leaves.set(r.stream_id, { streamId: r.stream_id, revision: Number(r.revision), hash: r.hash });
      if (rows.length < PAGE * 4) return leaves;
      after = rows[rows.length - 1].stream_id;
    }
  }

  /** Every stream but the seals, whole, in stream order (keyset pages on (stream_id, revision)). */
  private async *streams(): AsyncGenerator<RecordedEvent[]> {
    let after: [string, string] = ['', '-1'];
    let current: RecordedEvent[] = [];
    for (;;) {
      const rows = await this.store.database.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM es_events ev
         WHERE (ev.stream_id, ev.revision) > ($1, $2::bigint) AND ev.stream_id <> $3
         ORDER BY ev.stream_id, ev.revision LIMIT $4`,
        [after[0], after[1], SEALS_STREAM, PAGE],
      );
      for (const row of rows) {
        const event = toRecordedEvent(row);
        if (current.length > 0 && current[0].streamId !== event.streamId) {
          yield current;
          current = [];
        }
        current.push(event);
      }
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1];
      after = [last.stream_id, last.revision];
    }
    if (current.length > 0) yield current;
  }
}
