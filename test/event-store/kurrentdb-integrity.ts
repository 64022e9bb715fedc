import { randomUUID } from 'node:crypto';
import { jsonEvent, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import {
  EventStoreStreamDeleted,
  StreamRevisionsDiverged,
} from '#infra/event-store/kurrentdb/kurrentdb-errors.js';
import { newEvent, newEvents } from '#infra/event-store/specs/sample-events.js';

/**
 * U3 (tamper) and U5 (immutability) on EventStoreDB, registered by the contract suite only when
 * EVENTSTORE_TEST_URL names a server: there is no SQL behind the store, so another writer with the
 * raw client plays the forger and the deleter. Not run on these machines (no server can run here).
 */
export function kurrentIntegrityTests(
  store: () => EventStore,
  raw: () => KurrentDBClient,
  prefix: () => string,
): void {
  it('finds a forged envelope appended with the raw client at its revision (U3)', async () => {
    const streamId = `${prefix()}forged`;
    const written = await store().append(streamId, newEvents(5), 'no_stream');
    const copied = written.events[2];
    // A forger copies a real envelope (its integrity included) and writes other data ({ n: 2 } was stored).
    const forged = jsonEvent({
      id: randomUUID(),
      type: copied.type,
      data: { n: 99 },
      metadata: {
        schemaVersion: copied.schemaVersion,
        occurredAt: copied.occurredAt,
        recordedAt: copied.recordedAt,
        actor: { ...copied.actor },
        correlationId: copied.correlationId,
        causationId: copied.causationId,
        integrity: { prevHash: written.events[4].integrity.hash, hash: copied.integrity.hash },
        $correlationId: copied.correlationId,
      },
    });
    await raw().appendToStream(streamId, forged, { streamState: 4n });
    expect(await store().verifyStream(streamId)).toEqual({ ok: false, checked: 6, firstBrokenRevision: 5 });
  });

  it('appends after a foreign event at the stream’s end, which verifyStream finds at its revision (U3)', async () => {
    const streamId = `${prefix()}foreign`;
    const first = await store().append(streamId, newEvents(2), 'no_stream');
    await raw().appendToStream(streamId, jsonEvent({ type: 'NotThisStore', data: { by: 'another tool' } }), {
      streamState: 1n,
    });
    // A writer that read the stream expects revision 1 (the foreign event is not shown).
    expect((await store().readStream(streamId)).map((e) => e.revision)).toEqual([0, 1]);
    const next = await store().append(streamId, [newEvent()], first.nextRevision);
    expect(next.nextRevision).toBe(3);
    expect(await store().verifyStream(streamId)).toEqual({ ok: false, checked: 3, firstBrokenRevision: 2 });
  });

  it('reports a stream soft-deleted with the raw client broken at revision 0, and refuses to write on (U5)', async () => {
    const streamId = `${prefix()}soft-deleted`;
    await store().append(streamId, newEvents(2), 'no_stream');
    await raw().deleteStream(streamId);
    expect(await store().readStream(streamId)).toEqual([]);
    expect(await store().verifyStream(streamId)).toEqual({ ok: false, checked: 0, firstBrokenRevision: 0 });
    // The server numbers on at 2; the chain was computed for 0.
    await expect(store().append(streamId, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(
      StreamRevisionsDiverged,
    );
    expect(await store().streamRevision(streamId)).toBe(2);
  });

  it('names a stream tombstoned with the raw client on append, and reports it broken (U5)', async () => {
    const streamId = `${prefix()}tombstoned`;
    await store().append(streamId, newEvents(2), 'no_stream');
    await raw().tombstoneStream(streamId);
    await expect(store().append(streamId, [newEvent()], 1)).rejects.toBeInstanceOf(EventStoreStreamDeleted);
    expect(await store().verifyStream(streamId)).toEqual({ ok: false, checked: 0, firstBrokenRevision: 0 });
  });
}
