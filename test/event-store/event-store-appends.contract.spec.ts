import { randomUUID } from 'node:crypto';
import {
  IdempotencyConflict,
  InvalidAppend,
  START,
  WrongExpectedRevision,
  comparePositions,
  type EventStore,
} from '#infra/event-store/event-store.port.js';
import { GENESIS_HASH } from '#infra/integrity/hash-chain.js';
import { contractAdapters } from './contract-adapters.js';
import { SHANGHAI_ISO, T0, openContractStore, streamPrefixes } from './contract-suite.js';

import { newEvent, newEvents } from '#infra/event-store/specs/sample-events.js';

/**
 * The event store contract (contract-suite.ts), appends: the envelope recorded and its instants
 * (U4: a stream as it stood at an instant), expected revisions, refused and concurrent appends,
 * and idempotency by eventId. The tests that move the store's clock are all here.
 */

for (const adapter of contractAdapters()) {
  describe(`event store contract: ${adapter.name}`, () => {
    let store: EventStore;
    let now = T0;
    const prefix = streamPrefixes();
    openContractStore(adapter, { clock: () => new Date(now), onOpen: (opened) => (store = opened) });

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

    it('keeps appending after an append is refused', async () => {
      const streamId = `${prefix()}after-errors`;
      await expect(store.append(streamId, [newEvent()], 5)).rejects.toBeInstanceOf(WrongExpectedRevision);
      const result = await store.append(streamId, [newEvent({ eventId: randomUUID() })], 'no_stream');
      expect(result.nextRevision).toBe(0);
    });
  });
}
