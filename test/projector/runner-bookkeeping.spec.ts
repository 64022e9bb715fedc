/**
 * The runner's bookkeeping in one command per round (issue 19, bytes per event), against the local
 * FerretDB (or MONGODB_TEST_URL): `saveCheckpoints` inserts what is missing, moves the others
 * forward and never back, keeps what an update leaves out (projection, version, an unchanged
 * context); `renewAll` extends the leases still held and hands over or reports lost the others, as
 * `renew` does one by one.
 */
import { saveCheckpoints, loadCheckpoint } from '../../apps/projector/src/runner/checkpoint-store.js';
import { ProjectionLeases } from '../../apps/projector/src/runner/projection-lease.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import { startTestReadServer, type TestReadServer } from './support/test-ferretdb.js';

const P1 = '00000000000000000010:00000000000000000000';
const P2 = '00000000000000000020:00000000000000000000';
const P3 = '00000000000000000030:00000000000000000000';

describe('the runner’s checkpoints and leases, a round in one command (issue 19)', () => {
  let server: TestReadServer;
  let store: ReadStore;

  beforeAll(async () => {
    server = await startTestReadServer();
    store = await server.database('runner_bookkeeping');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('saveCheckpoints inserts, moves forward, never back, and keeps what it leaves out', async () => {
    const db = store.db;
    const cp = (projection: string, position: string, context: unknown, contextUnchanged = false) => ({
      id: projection,
      checkpoint: { projection, position, context, contextUnchanged, version: 7 },
    });
    await saveCheckpoints(db, [cp('a', P1, { hours: 1 }), cp('b', P1, null)]);
    expect(await loadCheckpoint(db, 'a')).toEqual({ position: P1, context: { hours: 1 }, version: 7 });
    // Another process moved b ahead: this round moves a, leaves b where it is.
    await saveCheckpoints(db, [cp('b', P3, null)]);
    await saveCheckpoints(db, [cp('a', P2, { hours: 2 }, true), cp('b', P2, { moved: 'back' })]);
    expect(await loadCheckpoint(db, 'a')).toEqual({ position: P2, context: { hours: 1 }, version: 7 });
    expect(await loadCheckpoint(db, 'b')).toEqual({ position: P3, context: null, version: 7 });
    await saveCheckpoints(db, [cp('a', P3, { hours: 3 }), cp('b', P3, null), cp('c', P3, null)]);
    const stored = await checkpointsOf(db).find({}).sort({ _id: 1 }).toArray();
    expect(stored.map((d) => [d._id, d.projection, d.position, d.context, d.version])).toEqual([
      ['a', 'a', P3, { hours: 3 }, 7],
      ['b', 'b', P3, null, 7],
      ['c', 'c', P3, null, 7],
    ]);
  });

  it('renewAll extends the leases still held and lets go of those handed over or lost', async () => {
    const mine = new ProjectionLeases(store.db, 'me', 60_000);
    const other = new ProjectionLeases(store.db, 'other', 60_000);
    for (const name of ['x', 'y', 'z']) expect(await mine.acquire(name)).toBe(true);
    const before = await mine.holder('x');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...(await mine.renewAll(['x', 'y', 'z']))].sort()).toEqual(['x', 'y', 'z']);
    expect((await mine.holder('x'))!.expiresAt.getTime()).toBeGreaterThan(before!.expiresAt.getTime());

    await other.requestHandover('y');
    await mine.release('z');
    expect(await other.acquire('z')).toBe(true);
    expect([...(await mine.renewAll(['x', 'y', 'z']))]).toEqual(['x']);
    expect((await mine.holder('y'))!.owner).toBe('other');
    expect((await mine.holder('z'))!.owner).toBe('other');
  });

  it('a handover asked for and withdrawn while the holder renews is never completed after the withdrawal', async () => {
    // The rebuild that stops waiting (rebuild-projections.ts, takeOver) withdraws its request and
    // releases; a renewal that read the request just before must not hand the lease over after:
    // it would stay held by a process that has stopped (versions.spec saw one such lease).
    const holder = new ProjectionLeases(store.db, 'live', 60_000);
    const asker = new ProjectionLeases(store.db, 'rebuild', 60_000);
    for (let i = 0; i < 150; i++) {
      const name = `handover-race-${i}`;
      expect(await holder.acquire(name)).toBe(true);
      await asker.requestHandover(name);
      const [kept] = await Promise.all([
        holder.renew(name),
        (async () => {
          await asker.withdrawHandover(name);
          await asker.release(name);
        })(),
      ]);
      const owner = (await holder.holder(name))!.owner;
      expect(owner).not.toBe('rebuild');
      // `renew` answers true exactly when the lease is still the holder's.
      expect({ kept, owner }).toEqual(kept ? { kept, owner: 'live' } : { kept, owner: null });
    }
  });
});
