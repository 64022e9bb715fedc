import { randomBytes } from 'node:crypto';
import type { PostgresEventStore } from '#infra/event-store/postgres/postgres-event-store.js';
import { SealVerifier } from '#infra/seals/seal-verifier.js';
import { Sealer } from '#infra/seals/sealer.js';
import { openSqlAdapter, sqlAdapterNames, type ContractAdapter } from './contract-adapters.js';
import { newEvent, newEvents } from '#infra/event-store/specs/sample-events.js';

/** U7 on the SQL stores: seals, and what their verification names after tampering by SQL. */
const auditor = { id: 'auditor-1', name: '纪检员', role: 'auditor', departmentId: null, windowId: null };

for (const name of sqlAdapterNames()) {
  describe(`U7 seals: ${name}`, () => {
    let adapter: ContractAdapter;
    let store: PostgresEventStore;
    let sql: NonNullable<ContractAdapter['sql']>;
    let sealer: Sealer;
    let verifier: SealVerifier;
    const run = randomBytes(4).toString('hex');

    beforeAll(async () => {
      ({ adapter, store } = await openSqlAdapter(name, 'U7 (seals)'));
      sql = adapter.sql!;
      sealer = new Sealer(store);
      verifier = new SealVerifier(store);
    });
    afterAll(async () => {
      await store?.close();
      await adapter?.dispose();
    });

    it('U7: seals chain onto each other and cost only the streams changed since the last seal', async () => {
      for (let i = 0; i < 3; i++) await store.append(`case-${run}-clean-${i}`, newEvents(2), 'no_stream');
      const first = await sealer.seal(auditor);
      expect(first).toMatchObject({ sealNo: 1, streamCount: 3, changedStreams: 3, algorithm: 'sm3' });
      expect(first!.previousDigest).toBe('0'.repeat(64));

      const unchanged = await sealer.seal(auditor);
      expect(unchanged).toMatchObject({ sealNo: 2, streamCount: 3, changedStreams: 0 });
      expect(unchanged!.merkleRoot).toBe(first!.merkleRoot);
      expect(unchanged!.previousDigest).toBe(first!.digest);

      await store.append(`case-${run}-clean-1`, [newEvent()], 1);
      await store.append(`case-${run}-clean-new`, [newEvent()], 'no_stream');
      const third = await sealer.seal(auditor);
      expect(third).toMatchObject({ sealNo: 3, streamCount: 4, changedStreams: 2 });
      expect(third!.merkleRoot).not.toBe(first!.merkleRoot);
      // The scheduled sealer of another process finds a seal younger than its interval: nothing.
      expect(await sealer.seal(auditor, { unlessSealedWithinMs: 60_000 })).toBeUndefined();

      expect(await verifier.verify()).toEqual({ ok: true, sealsChecked: 3, streamsChecked: 4, problems: [] });
    });

    it('U7: names a stream deleted by SQL (missing), one cut by an event (truncated), one altered; a later seal launders none', async () => {
      const deleted = `case-${run}-deleted`;
      const truncated = `case-${run}-truncated`;
      const altered = `case-${run}-altered`;
      await store.append(deleted, newEvents(5), 'no_stream');
      await store.append(truncated, newEvents(4), 'no_stream');
      await store.append(altered, newEvents(3), 'no_stream');
      await sealer.seal(auditor);
      expect((await verifier.verify()).ok).toBe(true);

      // The honest protection (U5) has to be switched off explicitly to do any of this.
      await sql('ALTER TABLE es_events DISABLE TRIGGER es_events_immutable');
      try {
        await sql('DELETE FROM es_events WHERE stream_id = $1', [deleted]);
        await sql('DELETE FROM es_events WHERE stream_id = $1 AND revision = 3', [truncated]);
        await sql(`UPDATE es_events SET data = '{"n": 99}' WHERE stream_id = $1 AND revision = 1`, [altered]);
      } finally {
        await sql('ALTER TABLE es_events ENABLE TRIGGER es_events_immutable');
      }
      const expected = [
        {
          streamId: altered,
          problem: 'altered',
          sealedRevision: 2,
          foundRevision: 2,
          firstBrokenRevision: 1,
        },
        { streamId: deleted, problem: 'missing', sealedRevision: 4 },
        { streamId: truncated, problem: 'truncated', sealedRevision: 3, foundRevision: 2 },
      ];
      const byStream = (a: { streamId: string }, b: { streamId: string }): number =>
        a.streamId.localeCompare(b.streamId);
      const verification = await verifier.verify();
      expect(verification.ok).toBe(false);
      expect([...verification.problems].sort(byStream)).toEqual(expected);

      // The truncated stream grows again past its sealed revision with other events: still caught.
      // ('any': this process's cache of stream heads still knows the deleted event.)
      await store.append(truncated, newEvents(2), 'any');
      await sealer.seal(auditor);
      const after = await verifier.verify();
      expect(after.sealsChecked).toBe(verification.sealsChecked + 1);
      expect([...after.problems].sort(byStream)).toEqual([
        expected[0],
        expected[1],
        { streamId: truncated, problem: 'altered', sealedRevision: 3, foundRevision: 4 },
      ]);
    });

    it('U7: names the seals themselves when the last seal is removed or the sealed heads are edited', async () => {
      const before = await verifier.verify();
      await sql('DELETE FROM es_seal_leaves WHERE stream_id = $1', [`case-${run}-clean-0`]);
      const edited = await verifier.verify();
      expect(edited.problems.filter((p) => p.streamId === 'seals')).toEqual([
        expect.objectContaining({ streamId: 'seals', problem: 'altered' }),
      ]);
      await sql('ALTER TABLE es_events DISABLE TRIGGER es_events_immutable');
      try {
        await sql(
          `DELETE FROM es_events WHERE stream_id = 'seals' AND revision = (SELECT max(revision) FROM es_events WHERE stream_id = 'seals')`,
        );
      } finally {
        await sql('ALTER TABLE es_events ENABLE TRIGGER es_events_immutable');
      }
      const cut = await verifier.verify();
      expect(cut.sealsChecked).toBe(before.sealsChecked - 1);
      expect(cut.problems).toContainEqual({
        streamId: 'seals',
        problem: 'truncated',
        sealedRevision: before.sealsChecked - 1,
        foundRevision: before.sealsChecked - 2,
      });
    });
  });
}
