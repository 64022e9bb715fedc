import { BACKWARDS, END, type SubscribeToAllOptions } from '@kurrent/kurrentdb-client';
import { START, type RecordedEvent } from '../../event-store.port.js';
import { formatPosition } from '../../position.js';
import { EventStoreAccessDenied, EventStoreNotLeader, EventStoreStreamDeleted } from '../kurrentdb-errors.js';
import { KurrentDbEventStore } from '../kurrentdb-event-store.js';
import { ModelServer, type ModelSubscription } from './model-server.js';
import { newEvent } from '../../specs/sample-events.js';
import { accessDenied, notLeader, unavailable } from './server-errors.js';

// Reads, subscriptions and errors on a minimal client over a model of the server (model-server.ts).

function open(server = new ModelServer()) {
  return { server, store: KurrentDbEventStore.withClient(server) };
}

describe('KurrentDB reads, defect 1: streamRevision reads backwards from END', () => {
  it('answers the last revision of a three-event stream (2, not the 0 a read from START gives)', async () => {
    const { server, store } = open();
    await store.append('case-1', [newEvent(), newEvent(), newEvent()], 'no_stream');
    server.calls.length = 0;
    expect(await store.streamRevision('case-1')).toBe(2);
    expect(server.calls).toEqual([
      {
        method: 'readStream',
        streamName: 'case-1',
        options: { fromRevision: END, direction: BACKWARDS, maxCount: 1, requiresLeader: false },
      },
    ]);
    expect(await store.streamRevision('case-2')).toBe(-1);
  });
});

describe('KurrentDB errors, defect 6: AccessDenied, StreamDeleted and NotLeader as typed errors', () => {
  it('says which permission reading $all needs ($admins, or $r on $all) when the server denies it', async () => {
    const { server, store } = open();
    server.readAllFaults.push(accessDenied(), accessDenied());
    const attempt = store.readAll(START);
    await expect(attempt).rejects.toBeInstanceOf(EventStoreAccessDenied);
    await expect(attempt).rejects.toThrow(/\$admins, or an ACL granting it \$r on \$all/);
    await expect(store.headPosition()).rejects.toMatchObject({ code: 'EVENT_STORE_ACCESS_DENIED' });
  });

  it('names a tombstoned stream on append and read, and verifyStream reports it broken', async () => {
    const { server, store } = open();
    await store.append('case-1', [newEvent()], 'no_stream');
    server.tombstone('case-1');
    await expect(store.append('case-1', [newEvent()], 0)).rejects.toBeInstanceOf(EventStoreStreamDeleted);
    await expect(store.readStream('case-1')).rejects.toThrow(/case-1 was hard-deleted \(tombstoned\).*U5/);
    expect(await store.verifyStream('case-1')).toEqual({ ok: false, checked: 0, firstBrokenRevision: 0 });
  });

  it('names the leader when a follower refuses a read that requires the leader', async () => {
    const { server, store } = open();
    server.readFaults.push(notLeader());
    const attempt = store.streamRevision('case-1');
    await expect(attempt).rejects.toBeInstanceOf(EventStoreNotLeader);
    await expect(attempt).rejects.toMatchObject({ leader: 'n2:2113', code: 'EVENT_STORE_NOT_LEADER' });
  });
});

describe('KurrentDB verifyStream, defect 7: a soft-deleted stream is not an empty valid chain', () => {
  it('reports a soft-deleted stream broken at revision 0, though it reads as empty', async () => {
    const { server, store } = open();
    await store.append('case-1', [newEvent(), newEvent()], 'no_stream');
    expect(await store.verifyStream('case-1')).toEqual({ ok: true, checked: 2 });
    server.softDelete('case-1');
    expect(await store.readStream('case-1')).toEqual([]);
    expect(await store.verifyStream('case-1')).toEqual({ ok: false, checked: 0, firstBrokenRevision: 0 });
  });
});

describe('KurrentDB, defect 8: the end of $all, and filter checkpoints in subscriptions', () => {
  it('finds the head of $all with one event read backwards from END (not a filtered scan from START)', async () => {
    const { server, store } = open();
    expect(await store.headPosition()).toBe(START);
    await store.append('case-1', [newEvent()], 'no_stream');
    const last = await store.append('case-2', [newEvent(), newEvent()], 'no_stream');
    server.calls.length = 0;
    expect(await store.headPosition()).toBe(last.position);
    expect(server.calls).toEqual([
      {
        method: 'readAll',
        options: { fromPosition: END, direction: BACKWARDS, maxCount: 1, requiresLeader: true },
      },
    ]);
  });

  it('resumes after a dropped subscription from the last filter checkpoint, not from its last event', async () => {
    const { server, store } = open();
    const a = (await store.append('case-a', [newEvent()], 'no_stream')).events[0];
    const b = (await store.append('case-b', [newEvent()], 'no_stream')).events[0];
    const between = { commit: 150n, prepare: 150n };
    let resumedFrom: SubscribeToAllOptions['fromPosition'];
    server.subscriptions.push(
      async (options, subscription) => {
        subscription.write(server.resolvedAt('case-a', 0));
        // Still buffered, not taken: the checkpoint must not count before it is.
        await options?.filter?.checkpointReached?.(subscription, between);
        await new Promise((resolve) => setTimeout(resolve, 20));
        subscription.destroy(unavailable());
      },
      (options, subscription) => {
        resumedFrom = options?.fromPosition;
        subscription.write(server.resolvedAt('case-b', 0));
      },
    );
    const received: RecordedEvent[] = [];
    for await (const event of store.subscribe(START, { filter: { streamPrefix: 'case-' } })) {
      received.push(event);
      if (received.length === 2) break;
    }
    expect(received).toEqual([a, b]);
    expect(resumedFrom).toEqual(between);
    expect(formatPosition(between.commit, between.prepare) < b.position).toBe(true);
  });

  it('stops on a failure that is no blip (access denied) with the typed error, and ends quietly when aborted', async () => {
    const { server, store } = open();
    const fail = (_: SubscribeToAllOptions | undefined, subscription: ModelSubscription) =>
      subscription.destroy(accessDenied());
    server.subscriptions.push(fail);
    const iterate = async () => {
      for await (const event of store.subscribe(START)) void event;
    };
    await expect(iterate()).rejects.toBeInstanceOf(EventStoreAccessDenied);
    const abort = new AbortController();
    const done = (async () => {
      for await (const event of store.subscribe(START, { signal: abort.signal })) void event;
    })();
    abort.abort();
    await expect(done).resolves.toBeUndefined();
  });
});
