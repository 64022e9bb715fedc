/**
 * The projector bench's rebuild (run.ts forks this with --expose-gc): opens the event store and the
 * read store the bench seeded, rebuilds every projection as `npm run rebuild` does, in a process of
 * its own, and marks its memory at each quarter of the events (memory-sampler.ts). The result goes
 * back over the IPC channel (rebuild-in-child.ts), or as one JSON line on stdout when run alone.
 * BENCH_PROFILE=1: the runner's debug lines summed per projection; BENCH_CACHE_SIZE: the workers'
 * cache size; BENCH_BATCH_SIZE: the runner's batch size (default 5,000, read up to 4 × that a batch;
 * 1,250 measured 699 events/s against 928 at 10,000 cases, with RSS marks no flatter).
 */
import { pino, type Logger } from 'pino';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { connectReadStore } from '#infra/read-store/read-store.js';
import { rebuildProjections } from '../../apps/projector/src/rebuild/rebuild-projections.js';
import { memorySampler } from './memory-sampler.js';
import {
  requestFromEnv,
  type BatchProfile,
  type RebuildMessage,
  type RebuildRequest,
  type RebuildResult,
} from './rebuild-in-child.js';

/** BENCH_PROFILE=1: where the rebuild spends its time, per projection (from the runner's debug lines). */
function profilingLogger(profile: Record<string, BatchProfile>): Logger {
  if (!process.env.BENCH_PROFILE) return pino({ level: 'warn' });
  return pino(
    { level: 'debug' },
    {
      write(line: string) {
        const entry: Record<string, unknown> = JSON.parse(line);
        if (entry.msg !== 'batch applied' || typeof entry.projection !== 'string')
          return void process.stderr.write(line);
        const p = (profile[entry.projection] ??= {
          batches: 0,
          applyMs: 0,
          sharedMs: 0,
          writeMs: 0,
          units: 0,
        });
        p.batches++;
        p.applyMs += Number(entry.loadAndApplyMs);
        p.sharedMs += Number(entry.sharedMs);
        p.writeMs += Number(entry.writeMs);
        p.units += Number(entry.units);
      },
    },
  );
}

async function rebuild(request: RebuildRequest): Promise<RebuildResult> {
  // The pool the bench's store had when the rebuild ran in it (PGlite takes no pool size).
  const store = await createEventStore(request.eventStoreUrl, { maxConnections: 16 });
  try {
    const read = await connectReadStore(request.readUri, request.readDatabase);
    try {
      const memory = memorySampler();
      memory.at('before');
      // 100%: the last batch applied, before the declared indexes are built and the collections swapped.
      const quarters = [0.25, 0.5, 0.75, 1];
      const profile: Record<string, BatchProfile> = {};
      const started = Date.now();
      const report = await rebuildProjections(store, read.db, {
        logger: profilingLogger(profile),
        ...(process.env.BENCH_CACHE_SIZE && { cacheSize: Number(process.env.BENCH_CACHE_SIZE) }),
        ...(process.env.BENCH_BATCH_SIZE && { batchSize: Number(process.env.BENCH_BATCH_SIZE) }),
        progress: {
          start: () => undefined,
          update: (done) => {
            while (quarters.length > 0 && done >= quarters[0]! * request.events)
              memory.at(`${quarters.shift()! * 100}%`);
          },
          finish: () => undefined,
        },
      });
      const seconds = (Date.now() - started) / 1000;
      memory.at('after');
      memory.stop();
      return {
        seconds,
        projections: report.projections,
        phases: report.phases,
        marks: memory.marks,
        peakRss: memory.peak(),
        profile,
      };
    } finally {
      await read.close();
    }
  } finally {
    // Closed before the bench reopens a PGlite directory: it belongs to one process at a time.
    await store.close();
  }
}

const send = (message: RebuildMessage): Promise<void> =>
  new Promise((resolve, reject) => {
    if (!process.send) return resolve(void process.stdout.write(`${JSON.stringify(message)}\n`));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });

// The bench gone (killed, or failed elsewhere): no rebuild left running on its stores.
process.once('disconnect', () => process.exit(1));

try {
  await send({ type: 'result', result: await rebuild(requestFromEnv(process.env)) });
  process.exit(0);
} catch (error) {
  await send({
    type: 'error',
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  // Whatever the failure left open (a pool, a timer) must not keep this process, nor the bench, waiting.
  process.exit(1);
}
