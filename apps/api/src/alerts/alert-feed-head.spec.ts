import { KurrentDbEventStore } from '#infra/event-store/kurrentdb/kurrentdb-event-store.js';
import { ModelServer } from '#infra/event-store/kurrentdb/specs/model-server.js';
import { newEvent } from '#infra/event-store/specs/sample-events.js';
import { AlertFeed } from './alert-feed.js';

// Issue 17, defect 8: on EventStoreDB the feed's head is the end of $all, one event read backwards,
// not a filtered scan of $all from START on each process's first listener. The store is the real
// adapter on a minimal client over a model of the server (no server can run here).
describe('alert feed head on EventStoreDB', () => {
  it('finds where the alerts end with one read of $all backwards from END', async () => {
    const server = new ModelServer();
    const store = KurrentDbEventStore.withClient(server);
    await store.append('case-1', [newEvent({ type: 'YellowCardIssued' })], 'no_stream');
    const last = await store.append('case-2', [newEvent()], 'no_stream');
    server.calls.length = 0;
    const feed = new AlertFeed(store);
    expect(await feed.head()).toBe(last.position);
    expect(server.calls).toEqual([
      {
        method: 'readAll',
        options: expect.objectContaining({ fromPosition: 'end', direction: 'backwards', maxCount: 1 }),
      },
    ]);
    await store.close();
  });
});
