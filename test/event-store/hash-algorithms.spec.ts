import { randomBytes, randomUUID } from 'node:crypto';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { GENESIS_HASH, eventHash, type HashedEventFields } from '#infra/integrity/hash-chain.js';
import { contractAdapters } from './contract-adapters.js';
import { newEvent, newEvents, windowClerk } from '#infra/event-store/specs/sample-events.js';

/**
 * U8 on the SQL stores (PostgreSQL server and PGlite): new chains use SM3, rows stored before U8
 * (no algorithm, SHA-256) keep verifying, and a chain switches to SM3 at a recorded revision.
 */
for (const adapter of contractAdapters()) {
  const sql = adapter.sql;
  if (!sql) continue;

  describe(`U8 hash algorithms: ${adapter.name}`, () => {
    let store: EventStore;
    const run = randomBytes(4).toString('hex');
    let n = 0;
    const streamName = (what: string): string => `u8-${run}-${++n}-${what}`;

    beforeAll(async () => {
      store = await adapter.open({ clock: () => new Date(), pollIntervalMs: 1000 });
    });
    afterAll(async () => {
      await store?.close();
      await adapter.dispose();
    });

    /** Rows as a writer from before U8 stored them: SHA-256, no algorithm column. */
    async function insertLegacyRows(streamId: string, count: number): Promise<void> {
      let prevHash = GENESIS_HASH;
      for (let revision = 0; revision < count; revision++) {
        const fields: HashedEventFields = {
          eventId: randomUUID(),
          type: 'ApplicationAccepted',
          schemaVersion: 1,
          streamId,
          revision,
          occurredAt: '2025-02-13T10:00:00.000+08:00',
          recordedAt: '2025-02-13T10:00:01.000+08:00',
          actor: windowClerk,
          correlationId: 'corr-legacy',
          causationId: null,
          data: { n: revision },
        };
        const hash = eventHash(prevHash, fields, 'sha256');
        await sql!(
          `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at,
                                  actor, correlation_id, causation_id, data, prev_hash, hash)
           VALUES ($1, $2, $3::uuid, $4, 1, $5::timestamptz, $6::timestamptz, $7::jsonb, $8, NULL, $9::jsonb, $10, $11)`,
          [
            streamId,
            revision,
            fields.eventId,
            fields.type,
            fields.occurredAt,
            fields.recordedAt,
            JSON.stringify(windowClerk),
            fields.correlationId,
            JSON.stringify(fields.data),
            prevHash,
            hash,
          ],
        );
        prevHash = hash;
      }
    }

    it('U8: a new store chains with SM3 and its streams verify', async () => {
      const streamId = streamName('sm3');
      const { events } = await store.append(streamId, newEvents(3), 'no_stream');
      expect(events.map((e) => e.integrity.alg)).toEqual(['sm3', 'sm3', 'sm3']);
      expect(events.every((e) => e.integrity.switchedFrom === undefined)).toBe(true);
      const { integrity, position: _position, ...fields } = events[1];
      expect(integrity.hash).toBe(eventHash(integrity.prevHash, fields, 'sm3'));
      expect(await store.readStream(streamId)).toEqual(events);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 3 });
    });

    it('U8: rows stored before U8 read as sha256 and verify; the next append switches to SM3, recorded', async () => {
      const streamId = streamName('mixed');
      await insertLegacyRows(streamId, 3);
      const legacy = await store.readStream(streamId);
      expect(legacy.map((e) => e.integrity.alg)).toEqual(['sha256', 'sha256', 'sha256']);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 3 });

      const { events } = await store.append(streamId, [newEvent(), newEvent()], 2);
      expect(events[0].integrity).toMatchObject({ alg: 'sm3', switchedFrom: 'sha256' });
      expect(events[1].integrity.alg).toBe('sm3');
      expect(events[1].integrity.switchedFrom).toBeUndefined();
      const [row] = await sql(
        'SELECT hash_alg, hash_switched_from FROM es_events WHERE stream_id = $1 AND revision = 3',
        [streamId],
      );
      expect(row).toEqual({ hash_alg: 'sm3', hash_switched_from: 'sha256' });
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 5 });
    });

    it('U8: tampering is still caught: an altered SM3 event, an erased switch record, a relabelled algorithm', async () => {
      const altered = streamName('altered');
      await store.append(altered, newEvents(4), 'no_stream');
      const mixed = streamName('mixed-tampered');
      await insertLegacyRows(mixed, 2);
      await store.append(mixed, newEvents(2), 1);
      const relabelled = streamName('relabelled');
      await store.append(relabelled, newEvents(2), 'no_stream');

      await sql('ALTER TABLE es_events DISABLE TRIGGER es_events_immutable');
      try {
        await sql(`UPDATE es_events SET data = '{"n": 99}' WHERE stream_id = $1 AND revision = 1`, [altered]);
        await sql(`UPDATE es_events SET hash_switched_from = NULL WHERE stream_id = $1 AND revision = 2`, [
          mixed,
        ]);
        await sql(`UPDATE es_events SET hash_alg = 'sha256' WHERE stream_id = $1 AND revision = 1`, [
          relabelled,
        ]);
      } finally {
        await sql('ALTER TABLE es_events ENABLE TRIGGER es_events_immutable');
      }
      expect(await store.verifyStream(altered)).toEqual({ ok: false, checked: 4, firstBrokenRevision: 1 });
      expect(await store.verifyStream(mixed)).toEqual({ ok: false, checked: 4, firstBrokenRevision: 2 });
      expect(await store.verifyStream(relabelled)).toEqual({ ok: false, checked: 2, firstBrokenRevision: 1 });
    });
  });
}
