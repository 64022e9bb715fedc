import { randomBytes, randomUUID } from 'node:crypto';
import {
  EventTooLarge,
  IdempotencyConflict,
  InvalidAppend,
  START,
  WrongExpectedRevision,
  comparePositions,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
} from '#infra/event-store/event-store.port.js';
import { GENESIS_HASH } from '#infra/integrity/hash-chain.js';
import { contractAdapters } from './contract-adapters.js';
import { kurrentIntegrityTests } from './kurrentdb-integrity.js';
import { liveSubscriber } from './live-subscriber.js';

import { newEvent, newEvents } from '#infra/event-store/specs/sample-events.js';

/**
 * The event store contract (DESIGN.md, "Event store"): every adapter passes the same tests.
 * PostgreSQL server and PGlite always; EventStoreDB when EVENTSTORE_TEST_URL is set.
 * Streams are named under a prefix unique to each test, so the tests also hold on a shared server.
 */

const SHANGHAI_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;
const T0 = Date.parse('2026-02-13T02:00:00.000Z'); // 10:00 in Shanghai

for (const adapter of contractAdapters()) {
  describe(`event store contract: ${adapter.name}`, () => {
    let store: EventStore;
    let now = T0;
    const run = randomBytes(4).toString('hex');
    let testNo = 0;
    /** A stream-name prefix unique to the calling test. */
    const prefix = (): string => `t${run}-${++testNo}-`;

    beforeAll(async () => {
      store = await adapter.open({ clock: () => new Date(now), pollIntervalMs: 1000 });
    });

    afterAll(async () => {
      await store?.close();
      await adapter.dispose();
    });

    it('records the envelope: revisions, positions, +08:00 instants, hash chain', async () => {
      const streamId = `${prefix()}case-1`;
      now = T0;
      const events = [
        newEvent({ type: 'InquiryRegistered' }),
        newEvent({ type: 'ApplicationSubmitted', causationId: null }),
      ];
      const result = await store.append(streamId, events, 'no_stream');

      expect(result.nextRevision).toBe(1);
      expect(result.events.map((e) => e.revision)).toEqual([0, 1]);
      expect(result.position).toBe(result.events[1].position);
      expect(comparePositions(START, result.events[0].position)).toBeLessThan(0);
      expect(comparePositions(result.events[0].position, result.events[1].position)).toBeLessThan(0);
      const [first, second] = result.events;
      expect(first).toMatchObject({
        eventId: events[0].eventId,
        type: 'InquiryRegistered',
        schemaVersion: 1,
        streamId,
        occurredAt: '2026-02-13T10:00:00.000+08:00',
        recordedAt: '2026-02-13T10:00:00.000+08:00',
        actor: events[0].actor,
        correlationId: events[0].correlationId,
        causationId: events[0].causationId,
        data: events[0].data,
      });
      expect(second.causationId).toBeNull();
      expect(first.integrity.prevHash).toBe(GENESIS_HASH);
      expect(second.integrity.prevHash).toBe(first.integrity.hash);
      expect(first.integrity.hash).toMatch(/^[0-9a-f]{64}$/);
      for (const e of result.events) {
        expect(e.occurredAt).toMatch(SHANGHAI_ISO);
        expect(e.recordedAt).toMatch(SHANGHAI_ISO);
      }

      // What is read back is what the append answered, and it survives JSON (an HTTP answer).
      const read = await store.readStream(streamId);
      expect(read).toEqual(result.events);
      expect(JSON.parse(JSON.stringify(read))).toEqual(result.events);
      expect(await store.streamRevision(streamId)).toBe(1);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 2 });
      expect(await store.readStream(streamId, { fromRevision: 1 })).toEqual([second]);
    });

    it('answers a missing stream with [] and revision -1', async () => {
      const streamId = `${prefix()}missing`;
      expect(await store.readStream(streamId)).toEqual([]);
      expect(await store.streamRevision(streamId)).toBe(-1);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 0 });
    });

    it('checks the expected revision: no_stream, a revision, any', async () => {
      const streamId = `${prefix()}case`;
      await store.append(streamId, [newEvent()], 'no_stream');
      await expect(store.append(streamId, [newEvent()], 'no_stream')).rejects.toMatchObject({
        code: 'WRONG_EXPECTED_REVISION',
        streamId,
        expected: 'no_stream',
        actual: 0,
      });
      await expect(store.append(streamId, [newEvent()], 3)).rejects.toBeInstanceOf(WrongExpectedRevision);
      const second = await store.append(streamId, [newEvent()], 0);
      expect(second.nextRevision).toBe(1);
      await expect(store.append(streamId, [newEvent()], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
      const third = await store.append(streamId, newEvents(2), 'any');
      expect(third.events.map((e) => e.revision)).toEqual([2, 3]);
      await expect(store.append(`${prefix()}absent`, [newEvent()], 0)).rejects.toMatchObject({ actual: -1 });
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 4 });
    });

    it('refuses malformed appends with a typed error', async () => {
      const streamId = `${prefix()}bad`;
      await expect(store.append(streamId, [], 'no_stream')).rejects.toBeInstanceOf(InvalidAppend);
      await expect(
        store.append(streamId, [newEvent({ eventId: 'not-a-uuid' })], 'any'),
      ).rejects.toBeInstanceOf(InvalidAppend);
      const twice = newEvent();
      await expect(store.append(streamId, [twice, twice], 'any')).rejects.toBeInstanceOf(InvalidAppend);
      await expect(store.append(streamId, [newEvent()], -1)).rejects.toBeInstanceOf(InvalidAppend);
      expect(await store.streamRevision(streamId)).toBe(-1);
    });

    it('lets exactly one of 50 concurrent appends at the same revision win, and nothing is half-written', async () => {
      const streamId = `${prefix()}race`;
      await store.append(streamId, [newEvent()], 'no_stream');
      const attempts = Array.from({ length: 50 }, () => newEvents(3));
      const outcomes = await Promise.allSettled(attempts.map((events) => store.append(streamId, events, 0)));

      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevision);
      }
      const stored = await store.readStream(streamId);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      expect(stored.slice(1).map((e) => e.eventId)).toEqual(attempts[winners[0]].map((e) => e.eventId));
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 4 });
    });

    it('stores a duplicate eventId once and answers as the first append did', async () => {
      const streamId = `${prefix()}idem`;
      const events = newEvents(2);
      const first = await store.append(streamId, events, 'no_stream');
      const later = await store.append(streamId, [newEvent()], 1);

      expect(await store.append(streamId, events, 'no_stream')).toEqual(first);
      expect(await store.append(streamId, events, 'any')).toEqual(first);
      expect(await store.append(streamId, events, later.nextRevision)).toEqual(first);
      expect(await store.append(streamId, events, 0)).toEqual(first);
      expect(await store.streamRevision(streamId)).toBe(2);

      // Some ids stored, some not: a caller bug, refused whole.
      const partial = store.append(streamId, [events[1], newEvent()], 'any');
      await expect(partial).rejects.toBeInstanceOf(IdempotencyConflict);
      await expect(store.append(streamId, [events[1], events[0]], 'any')).rejects.toBeInstanceOf(
        IdempotencyConflict,
      );
      expect(await store.streamRevision(streamId)).toBe(2);
    });

    it('answers concurrent repeats of one append as the first, storing it once', async () => {
      const streamId = `${prefix()}idem-race`;
      const events = newEvents(2);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.append(streamId, events, 'no_stream')),
      );
      for (const result of results) expect(result).toEqual(results[0]);
      expect(await store.streamRevision(streamId)).toBe(1);
    });

    it('delivers 20,000 events from 8 concurrent writers to a live subscriber, each once, in position order', async () => {
      const streamPrefix = prefix();
      const writers = 8;
      const appendsPerWriter = 25;
      const batch = 100;
      const total = writers * appendsPerWriter * batch;
      const received: RecordedEvent[] = [];
      const abort = new AbortController();
      const subscriber = (async () => {
        for await (const event of store.subscribe(START, {
          filter: { streamPrefix },
          signal: abort.signal,
        })) {
          received.push(event);
          if (received.length === total) break;
        }
      })();

      const appended = new Set<string>();
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const revisions = new Map<string, number>();
          for (let i = 0; i < appendsPerWriter; i++) {
            const streamId = `${streamPrefix}w${w}-s${i % 5}`;
            const expected = revisions.get(streamId) ?? 'no_stream';
            const events = Array.from({ length: batch }, (_, n) => newEvent({ data: { w, i, n } }));
            const result = await store.append(streamId, events, expected);
            revisions.set(streamId, result.nextRevision);
            for (const e of events) appended.add(e.eventId);
          }
        }),
      );
      const timeout = setTimeout(() => abort.abort(), 30_000);
      await subscriber;
      clearTimeout(timeout);

      const ids = received.map((e) => e.eventId);
      expect(received).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect(ids.filter((id) => !appended.has(id))).toEqual([]);
      for (let i = 1; i < received.length; i++) {
        if (comparePositions(received[i - 1].position, received[i].position) >= 0) {
          throw new Error(`out of order at ${i}: ${received[i - 1].position} then ${received[i].position}`);
        }
      }
      const lastRevision = new Map<string, number>();
      for (const e of received) {
        expect(e.revision).toBe((lastRevision.get(e.streamId) ?? -1) + 1);
        lastRevision.set(e.streamId, e.revision);
      }
    });

    it('catches up, then goes live with no gap at the switch, from an exclusive position', async () => {
      const streamPrefix = prefix();
      const streamId = `${streamPrefix}case`;
      const before = await store.append(streamId, newEvents(300), 'no_stream');
      const received: RecordedEvent[] = [];
      let writer: Promise<void> | undefined;
      const writes: AppendResult[] = [];
      for await (const event of store.subscribe(START, { filter: { streamPrefix }, batchSize: 50 })) {
        received.push(event);
        // Writes start while the subscriber is still catching up, and go on after it is live.
        if (received.length === 100) {
          writer = (async () => {
            let revision = before.nextRevision;
            for (let i = 0; i < 30; i++) {
              const result = await store.append(streamId, newEvents(10), revision);
              writes.push(result);
              revision = result.nextRevision;
              if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 20));
            }
          })();
        }
        if (received.length === 600) break;
      }
      await writer;
      expect(received.map((e) => e.revision)).toEqual(Array.from({ length: 600 }, (_, i) => i));
      expect(received.map((e) => e.eventId)).toEqual([
        ...before.events.map((e) => e.eventId),
        ...writes.flatMap((w) => w.events.map((e) => e.eventId)),
      ]);

      // From a position: strictly after it.
      const from = received[449].position;
      const rest: RecordedEvent[] = [];
      for await (const event of store.subscribe(from, { filter: { streamPrefix } })) {
        rest.push(event);
        if (rest.length === 150) break;
      }
      expect(rest.map((e) => e.revision)).toEqual(Array.from({ length: 150 }, (_, i) => 450 + i));
    });

    it('wakes a waiting subscriber promptly and stops on abort, releasing what it held', async () => {
      const streamPrefix = prefix();
      const subscriber = liveSubscriber(store, streamPrefix);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (adapter.listeningConnections) expect(await adapter.listeningConnections()).toBe(1);
      const appendOne = () => store.append(`${streamPrefix}a`, [newEvent()], 'no_stream');
      const elapsed = await subscriber.timeToArrive(1, appendOne, 5000);
      expect(subscriber.received).toHaveLength(1);
      // Well under the 1 s polling interval: woken, not polled.
      expect(elapsed).toBeLessThan(500);
      await subscriber.stop();
      if (adapter.listeningConnections) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await adapter.listeningConnections()).toBe(0);
      }
    });

    const openAnother = adapter.openAnother;
    if (openAnother) {
      it('wakes a subscriber of another process through NOTIFY', async () => {
        const streamPrefix = prefix();
        const other = await openAnother({ clock: () => new Date(now), pollIntervalMs: 5000 });
        try {
          const subscriber = liveSubscriber(other, streamPrefix);
          await new Promise((resolve) => setTimeout(resolve, 200));
          const appendOne = () => store.append(`${streamPrefix}a`, [newEvent()], 'no_stream');
          const elapsed = await subscriber.timeToArrive(1, appendOne, 10_000);
          expect(subscriber.received).toHaveLength(1);
          // The other store polls every 5 s: it was woken.
          expect(elapsed).toBeLessThan(2500);
          await subscriber.stop();
        } finally {
          await other.close();
        }
      });
    }

    const connect = adapter.connect;
    if (connect) {
      it('never lets a reader pass a slower transaction: no event skipped (the naive position poller bug)', async () => {
        const streamPrefix = prefix();
        const subscriber = liveSubscriber(store, streamPrefix);
        const slow = await connect();
        try {
          // A slow writer draws its position first and commits last.
          await slow.query('BEGIN');
          const [{ position: slowPosition }] = (
            await slow.query<{ position: string }>(
              `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at,
                                      actor, correlation_id, causation_id, data, prev_hash, hash)
               VALUES ($1, 0, $2, 'SlowWritten', 1, now(), now(), '{}', 'c', NULL, '{}', $3, $3)
               RETURNING position::text AS position`,
              [`${streamPrefix}slow`, randomUUID(), '0'.repeat(64)],
            )
          ).rows;
          const fast = await store.append(
            `${streamPrefix}fast`,
            [newEvent({ type: 'FastWritten' })],
            'no_stream',
          );
          // The fast event is committed, with a later sequence number than the slow one's...
          expect(BigInt(fast.position.split(':')[1])).toBeGreaterThan(BigInt(slowPosition));
          await new Promise((resolve) => setTimeout(resolve, 300));
          // ...and a naive `position > last` reader would have read it now, and then skipped the slow one.
          expect(subscriber.received).toEqual([]);
          const page = await store.readAll(START, { filter: { streamPrefix } });
          expect(page.events).toEqual([]);
          await slow.query('COMMIT');
        } finally {
          await slow.end();
        }
        await subscriber.arrived(2, Date.now(), 5000);
        expect(subscriber.received.map((e) => e.type)).toEqual(['SlowWritten', 'FastWritten']);
        await subscriber.stop();
      });
    }

    it('reads all events in pages, filtered by stream prefix or by event types', async () => {
      const streamPrefix = prefix();
      const typeA = `Ta${run}${testNo}`;
      const typeB = `Tb${run}${testNo}`;
      await store.append(
        `${streamPrefix}x`,
        [newEvent({ type: typeA }), newEvent({ type: typeB }), newEvent({ type: typeA })],
        'no_stream',
      );
      await store.append(
        `${streamPrefix}y`,
        [newEvent({ type: typeB }), newEvent({ type: typeA })],
        'no_stream',
      );

      const byType: RecordedEvent[] = [];
      let position = START;
      for (;;) {
        const page = await store.readAll(position, { filter: { eventTypes: [typeA] }, batchSize: 2 });
        byType.push(...page.events);
        expect(comparePositions(page.nextPosition, position)).toBeGreaterThanOrEqual(0);
        position = page.nextPosition;
        if (page.caughtUp) break;
      }
      expect(byType.map((e) => [e.streamId, e.revision])).toEqual([
        [`${streamPrefix}x`, 0],
        [`${streamPrefix}x`, 2],
        [`${streamPrefix}y`, 1],
      ]);
      const byPrefix = await store.readAll(START, { filter: { streamPrefix }, batchSize: 100 });
      expect(byPrefix.caughtUp).toBe(true);
      expect(byPrefix.events.map((e) => e.type)).toEqual([typeA, typeB, typeA, typeB, typeA]);
      const both = await store.readAll(START, { filter: { eventTypes: [typeA, typeB] } });
      expect(both.events).toEqual(byPrefix.events);
      const afterAll = await store.readAll(byPrefix.nextPosition, { filter: { streamPrefix } });
      expect(afterAll.events).toEqual([]);
    });

    it('reads a stream as it stood at an instant (U4), recordedAt never going back', async () => {
      const streamId = `${prefix()}history`;
      const hour = 3_600_000;
      now = T0;
      await store.append(streamId, [newEvent({ type: 'InquiryRegistered' })], 'no_stream');
      now = T0 + hour;
      await store.append(
        streamId,
        [newEvent({ type: 'ApplicationSubmitted' }), newEvent({ type: 'ApplicationAccepted' })],
        0,
      );
      now = T0 + 2 * hour;
      await store.append(streamId, [newEvent({ type: 'CaseCompleted' })], 2);
      now = T0 + hour; // a writer whose clock is behind
      const late = await store.append(streamId, [newEvent({ type: 'EvaluationRecorded' })], 3);
      expect(late.events[0].recordedAt).toBe('2026-02-13T12:00:00.000+08:00');
      now = T0;

      const types = async (untilTime: Date | string | number) =>
        (await store.readStream(streamId, { untilTime })).map((e) => e.type);
      expect(await types(T0 - 1)).toEqual([]);
      expect(await types(new Date(T0))).toEqual(['InquiryRegistered']);
      expect(await types('2026-02-13T11:30:00+08:00')).toEqual([
        'InquiryRegistered',
        'ApplicationSubmitted',
        'ApplicationAccepted',
      ]);
      expect(await types('2026-02-13T04:00:00.000Z')).toEqual([
        'InquiryRegistered',
        'ApplicationSubmitted',
        'ApplicationAccepted',
        'CaseCompleted',
        'EvaluationRecorded',
      ]);
      const fromOne = await store.readStream(streamId, { fromRevision: 1, untilTime: T0 + hour });
      expect(fromOne.map((e) => e.revision)).toEqual([1, 2]);
      await expect(store.readStream(streamId, { untilTime: '2026-02-13T10:00:00' })).rejects.toThrow(
        /offset/,
      );
    });

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

    it('keeps appending after an append is refused', async () => {
      const streamId = `${prefix()}after-errors`;
      await expect(store.append(streamId, [newEvent()], 5)).rejects.toBeInstanceOf(WrongExpectedRevision);
      const result = await store.append(streamId, [newEvent({ eventId: randomUUID() })], 'no_stream');
      expect(result.nextRevision).toBe(0);
    });
  });
}
