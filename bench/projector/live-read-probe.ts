/**
 * How long the live read store keeps a reader waiting while a rebuild runs (run.ts): one read by
 * `_id` of a document of its own every 50 ms, timed, until stopped. A rebuild writes fresh
 * collections beside the live ones, so a read of another collection should not wait for it; on
 * FerretDB 1.x one did for the whole of each `createIndexes` (its registry's lock), until the local
 * build 14 (scripts/ferretdb/gsc_index_prebuild.go).
 */
import type { Db } from 'mongodb';
import { percentile } from '../support/percentile.js';

export interface LiveReadProbe {
  /** Stops probing; the longest read, the 99th percentile and how many reads were made. */
  stop(): Promise<{ readonly maxMs: number; readonly p99Ms: number; readonly reads: number }>;
}

const EVERY_MS = 50;

export async function probeLiveReads(db: Db): Promise<LiveReadProbe> {
  const probe = db.collection<{ _id: string }>('bench_live_read_probe');
  await probe.updateOne({ _id: 'probe' }, { $set: { _id: 'probe' } }, { upsert: true });
  const times: number[] = [];
  let stopped = false;
  let failure: unknown;
  // A failed read ends the probe; stop() reports it (a rebuild that failed first closes the client).
  const loop = (async () => {
    while (!stopped) {
      const asked = performance.now();
      if ((await probe.findOne({ _id: 'probe' })) === null) throw new Error('the probe document is gone');
      times.push(performance.now() - asked);
      await new Promise((done) => setTimeout(done, EVERY_MS));
    }
  })().catch((error: unknown) => {
    failure = error;
  });
  return {
    async stop() {
      stopped = true;
      await loop;
      if (failure !== undefined) throw failure;
      await probe.drop().catch(() => undefined);
      const round = (ms: number): number => Math.round(ms * 10) / 10;
      return {
        maxMs: round(percentile(times, 100)),
        p99Ms: round(percentile(times, 99)),
        reads: times.length,
      };
    },
  };
}
