/**
 * The projector under kill -9 and side by side (issue 6), on PostgreSQL (shared by processes) and
 * FerretDB, over more than 50,000 events of realistic cases:
 *  - a rebuild killed with SIGKILL at random moments, five times, then run to the end, leaves every
 *    read model equal, document by document (by hash), to a clean rebuild;
 *  - two projector processes on one store (a smaller one, for time), one of them killed half way,
 *    build the same read models as a clean rebuild: no event applied twice, none lost, the leases
 *    split the work.
 */
import { pino } from 'pino';
import { loadConfig } from '#infra/config/app-config.js';
import { projectorView, protectPersonalData } from '#infra/personal-data/protect-personal-data.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import { LEASES_COLLECTION, rebuildCheckpointId } from '#infra/read-store/read-model-collections.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import { rebuildProjections } from '../../apps/projector/src/rebuild/rebuild-projections.js';
import { READ_MODEL_PROJECTIONS } from '../../apps/projector/src/projections/projector-projections.js';
import { appendPlanned } from '../../bench/projector/append-planned.js';
import { realisticCaseAppends } from '../../bench/projector/realistic-cases.js';
import { startChild } from './support/child-process.js';
import { hashDifferences, readModelHashes } from './support/read-model-hashes.js';
import { postgresEventStore, type TestEventStore } from './support/test-event-store.js';
import { startTestReadServer, type TestReadServer } from './support/test-ferretdb.js';

const MIN_EVENTS = 50_000;

const NOTHING_BUILT = '0'.repeat(20) + ':' + '0'.repeat(20);

/** Resolves once some checkpoint of `target` has moved past the start (or the child has exited). */
async function untilSomethingBuilt(target: ReadStore, exited: Promise<unknown>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  for (let waited = 0; !done && waited < 240_000; waited += 250) {
    const checkpoints = await checkpointsOf(target.db).find({}).toArray();
    if (checkpoints.some((c) => c.position !== NOTHING_BUILT)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the projector under kill -9 and side by side (PostgreSQL, FerretDB)', () => {
  let events: TestEventStore;
  let server: TestReadServer;
  let clean: ReadStore;
  let reference: Record<string, Map<string, string>>;
  let total = 0;

  const uriOf = (store: ReadStore): string => `${server.uri.replace(/\/$/, '')}/${store.db.databaseName}`;
  const childEnv = (store: ReadStore): Record<string, string> => ({
    EVENT_STORE_URL: events.url,
    MONGODB_URI: uriOf(store),
    LOG_LEVEL: 'warn',
    PROJECTOR_LEASE_TTL_MS: '1500',
    PROJECTOR_BATCH_SIZE: '2000',
  });

  beforeAll(async () => {
    events = await postgresEventStore();
    server = await startTestReadServer();
    const summary = await appendPlanned(
      events.store,
      events.clock,
      // 51,430 events: MIN_EVENTS with a 3 % margin. 12,500 cases (67,906 events) kept one of the
      // two jest workers busy for 418–681 s.
      realisticCaseAppends({ cases: 9_600, seed: 11 }),
      {
        concurrency: 16,
      },
    );
    total = summary.events;
    expect(total).toBeGreaterThanOrEqual(MIN_EVENTS);
    expect(summary.caseEvents / total).toBeGreaterThan(0.99);
    // The reference: one clean rebuild, uninterrupted, in this process.
    clean = await server.database('projector_clean');
    // Through the masked view, as `npm run rebuild` and the live projector read (I2).
    await rebuildProjections(projectorView(protectPersonalData(events.store, loadConfig({}))), clean.db, {
      logger: pino({ level: 'silent' }),
    });
    reference = await readModelHashes(clean.db);
  }, 900_000);
  afterAll(async () => {
    await server?.close();
    await events?.close();
  });

  it(`a rebuild of ${MIN_EVENTS.toLocaleString('en-US')}+ events killed at random moments five times, then run to the end, equals a clean rebuild`, async () => {
    const target = await server.database('projector_killed');
    const progress: string[] = [];
    for (let kill = 1; kill <= 5; kill++) {
      const child = startChild('apps/projector/src/rebuild/rebuild-main.ts', [], childEnv(target));
      // The first kill waits until the rebuild has saved progress (start-up takes longer on a loaded
      // machine), so the later kills interrupt work under way; then a random moment: anywhere from
      // starting up to deep into the batches (or the swap).
      if (kill === 1) await untilSomethingBuilt(target, child.exited);
      const delay = 1_500 + Math.floor(Math.random() * 5_000);
      await Promise.race([new Promise((r) => setTimeout(r, delay)), child.exited]);
      child.process.kill('SIGKILL');
      await child.exited;
      const checkpoints = await checkpointsOf(target.db).find({}).toArray();
      progress.push(
        `kill ${kill} after ${delay} ms: ` +
          checkpoints
            .map((c) => `${c._id}=${c.position.slice(-8)}${c.phase ? `(${c.phase})` : ''}`)
            .join(' '),
      );
    }
    // Something was built before the kills, or the test proves little.
    expect(
      (await checkpointsOf(target.db).find({}).toArray()).some((c) => c.position !== NOTHING_BUILT),
    ).toBe(true);
    const last = startChild('apps/projector/src/rebuild/rebuild-main.ts', [], childEnv(target));
    const code = await last.exited;
    if (code !== 0)
      throw new Error(`the final rebuild failed (${code}):\n${last.output()}\n${progress.join('\n')}`);
    // No rebuild left half done, and every live checkpoint where the clean one is.
    for (const p of READ_MODEL_PROJECTIONS)
      expect(await checkpointsOf(target.db).findOne({ _id: rebuildCheckpointId(p.name) })).toBeNull();
    const differences = hashDifferences(reference, await readModelHashes(target.db));
    if (differences.length > 0) console.error(progress.join('\n'));
    expect(differences.slice(0, 20)).toEqual([]);
  }, 900_000);

  it('two projector processes on one store, one killed half way: the same read models, nothing applied twice', async () => {
    const small = await postgresEventStore();
    try {
      await appendPlanned(small.store, small.clock, realisticCaseAppends({ cases: 2_500, seed: 12 }), {
        concurrency: 16,
      });
      const cleanSmall = await server.database('projector_pair_clean');
      await rebuildProjections(small.store, cleanSmall.db, { logger: pino({ level: 'silent' }) });
      const expected = await readModelHashes(cleanSmall.db);
      const target = await server.database('projector_pair');
      const env = { ...childEnv(target), EVENT_STORE_URL: small.url };
      const first = startChild('test/projector/support/projector-child.ts', [], {
        ...env,
        PROJECTOR_OWNER: 'first',
      });
      const second = startChild('test/projector/support/projector-child.ts', [], {
        ...env,
        PROJECTOR_OWNER: 'second',
      });
      try {
        // Both take leases (one a round): each projection is owned by one of them.
        const leases = target.db.collection<{ owner: string | null }>(LEASES_COLLECTION);
        const owners = async (): Promise<Set<string | null>> =>
          new Set((await leases.find({}).toArray()).map((l) => l.owner));
        for (let i = 0; i < 100 && (await owners()).size < 2; i++)
          await new Promise((r) => setTimeout(r, 100));
        expect(await owners()).toEqual(new Set(['first', 'second']));
        // kill -9 the first mid-way: the second takes its projections over when the leases expire.
        await new Promise((r) => setTimeout(r, 1_000));
        first.process.kill('SIGKILL');
        await first.exited;
        const finished = async (): Promise<boolean> => {
          const live = await checkpointsOf(target.db).find({}).toArray();
          if (live.length < READ_MODEL_PROJECTIONS.length) return false;
          const slowest = live.map((c) => c.position).sort()[0]!;
          return (await small.store.readAll(slowest, { batchSize: 1 })).events.length === 0;
        };
        const deadline = Date.now() + 300_000;
        while (!(await finished())) {
          if (second.process.exitCode !== null)
            throw new Error(`the second projector exited:\n${second.output()}`);
          if (Date.now() > deadline)
            throw new Error(`not caught up in time:\n${second.output().slice(-3000)}`);
          await new Promise((r) => setTimeout(r, 250));
        }
        expect(await owners()).toEqual(new Set(['second']));
        expect(hashDifferences(expected, await readModelHashes(target.db)).slice(0, 20)).toEqual([]);
      } finally {
        first.process.kill('SIGKILL');
        second.process.kill('SIGTERM');
        await Promise.all([first.exited, second.exited]);
      }
    } finally {
      await small.close();
    }
  }, 900_000);
});
