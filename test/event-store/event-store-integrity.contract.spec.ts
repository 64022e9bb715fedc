import { EventTooLarge, type EventStore } from '#infra/event-store/event-store.port.js';
import { newEvent, newEvents } from '#infra/event-store/specs/sample-events.js';
import { contractAdapters } from './contract-adapters.js';
import { T0, openContractStore, streamPrefixes } from './contract-suite.js';
import { kurrentIntegrityTests } from './kurrentdb-integrity.js';

/**
 * The event store contract (contract-suite.ts), what is stored is kept whole: payloads round-trip,
 * an event over 1 MiB is refused, stored events cannot be changed (U5), and a change made behind the
 * store's back is found (U3). EventStoreDB's own U3/U5 tests: kurrentdb-integrity.ts.
 */

for (const adapter of contractAdapters()) {
  describe(`event store contract: ${adapter.name}`, () => {
    let store: EventStore;
    const prefix = streamPrefixes();
    openContractStore(adapter, { clock: () => new Date(T0), onOpen: (opened) => (store = opened) });

    it('round-trips Chinese text and large payloads', async () => {
      const streamId = `${prefix()}payload`;
      const chinese = {
        applicant: {
          name: '张三丰',
          address: '北京市东城区王府井大街1号',
          note: '“引号” 与 \\ 反斜杠\n换行\t制表 🀄️ 𠀀',
        },
        items: [{ code: 'CL-01', name: '营业执照副本', problem: 'missing' }],
        emptyObject: {},
        emptyArray: [],
        numbers: [0, -1, 1.5, 1e21, 123456789012345],
        flags: [true, false, null],
      };
      const large = { text: '政务服务'.repeat(80_000) }; // 320,000 characters, 960,000 bytes of UTF-8
      const result = await store.append(
        streamId,
        [newEvent({ data: chinese }), newEvent({ data: large })],
        'no_stream',
      );
      const read = await store.readStream(streamId);
      expect(read[0].data).toEqual(chinese);
      expect(read[1].data).toEqual(large);
      expect(read).toEqual(result.events);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 2 });
    });

    it('refuses an event over 1 MiB with a clear error, storing nothing of its append', async () => {
      const streamId = `${prefix()}too-large`;
      const huge = newEvent({ data: { text: 'x'.repeat(1024 * 1024) } });
      const attempt = store.append(streamId, [newEvent(), huge], 'no_stream');
      await expect(attempt).rejects.toBeInstanceOf(EventTooLarge);
      await expect(attempt).rejects.toMatchObject({ eventId: huge.eventId, limitBytes: 1024 * 1024 });
      await expect(attempt).rejects.toThrow(/1 MiB/);
      expect(await store.streamRevision(streamId)).toBe(-1);
    });

    const rawKurrentClient = adapter.rawKurrentClient;
    if (rawKurrentClient) kurrentIntegrityTests(() => store, rawKurrentClient, prefix);

    const sql = adapter.sql;
    if (sql) {
      it('refuses UPDATE and DELETE of stored events (U5)', async () => {
        const streamId = `${prefix()}immutable`;
        await store.append(streamId, [newEvent()], 'no_stream');
        await expect(
          sql(`UPDATE es_events SET type = 'Forged' WHERE stream_id = $1`, [streamId]),
        ).rejects.toThrow(/U5/);
        await expect(sql(`DELETE FROM es_events WHERE stream_id = $1`, [streamId])).rejects.toThrow(/U5/);
        await expect(sql(`TRUNCATE es_events`)).rejects.toThrow(/U5/);
        expect(await store.streamRevision(streamId)).toBe(1 - 1);
      });

      it('finds a row altered behind its back at that revision (U3)', async () => {
        const streamId = `${prefix()}tampered`;
        await store.append(streamId, newEvents(5), 'no_stream');
        // The honest protection has to be switched off explicitly to alter a row.
        await sql('ALTER TABLE es_events DISABLE TRIGGER es_events_immutable');
        try {
          await sql(
            `UPDATE es_events SET data = jsonb_set(data, '{n}', '99') WHERE stream_id = $1 AND revision = 2`,
            [streamId],
          );
        } finally {
          await sql('ALTER TABLE es_events ENABLE TRIGGER es_events_immutable');
        }
        expect(await store.verifyStream(streamId)).toEqual({ ok: false, checked: 5, firstBrokenRevision: 2 });

        const other = `${prefix()}tampered-time`;
        await store.append(other, newEvents(3), 'no_stream');
        await sql('ALTER TABLE es_events DISABLE TRIGGER es_events_immutable');
        try {
          await sql(
            `UPDATE es_events SET recorded_at = recorded_at - interval '1 day' WHERE stream_id = $1 AND revision = 1`,
            [other],
          );
        } finally {
          await sql('ALTER TABLE es_events ENABLE TRIGGER es_events_immutable');
        }
        expect(await store.verifyStream(other)).toEqual({ ok: false, checked: 3, firstBrokenRevision: 1 });
      });
    }
  });
}
