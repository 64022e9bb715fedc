import { randomBytes, randomUUID } from 'node:crypto';
import {
  START,
  comparePositions,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
} from '#infra/event-store/event-store.port.js';
import { countEventsAfter } from '../../apps/projector/src/rebuild/count-events.js';
import { contractAdapters } from './contract-adapters.js';
import { T0, openContractStore } from './contract-suite.js';
import { liveSubscriber } from './live-subscriber.js';

import { newEvent, newEvents } from '#infra/event-store/specs/sample-events.js';

/**
 * The event store contract (contract-suite.ts), reads: subscriptions (catching up, going live with
 * no gap, woken rather than polled, never skipping a slower transaction) and pages of all events.
 */

for (const adapter of contractAdapters()) {
  describe(`event store contract: ${adapter.name}`, () => {
    // streamPrefixes() (contract-suite.ts) spelled out: a test names its event types from run and testNo.
    const run = randomBytes(4).toString('hex');
    let testNo = 0;
    const prefix = (): string => `t${run}-${++testNo}-`;
    let store: EventStore;
    const now = T0;
    openContractStore(adapter, { clock: () => new Date(now), onOpen: (opened) => (store = opened) });

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

    it("counts the events after a position as readAll pages them (a rebuild's progress: the store's countAfter where it has one)", async () => {
      const streamId = `${prefix()}counted`;
      await store.append(streamId, newEvents(5), 'no_stream');
      const ours = await store.readStream(streamId);
      expect(await countEventsAfter(store, ours[1].position)).toBe(3);
      expect(await countEventsAfter(store, ours[4].position)).toBe(0);
      let read = 0;
      for (let position = START; ;) {
        const page = await store.readAll(position, { batchSize: 1000 });
        read += page.events.length;
        position = page.nextPosition;
        if (page.caughtUp) break;
      }
      expect(await countEventsAfter(store, START)).toBe(read);
      // The SQL stores count with one statement; EventStoreDB is counted by reading.
      expect(store.countAfter !== undefined).toBe(adapter.sql !== undefined);
    });
  });
}
