/**
 * Two local FerretDB builds side by side for a differential suite: one as built, one with a switch
 * in its environment turning an addition off (GSC_FERRETDB_PREFILTER=off, GSC_FERRETDB_FASTCODEC=off,
 * GSC_FERRETDB_FASTBSON=off: scripts/ensure-ferretdb.sh), each on a folder of its own, both connected.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';

export interface FerretDbPair {
  /** [as built, with the switch off]. */
  readonly clients: readonly [MongoClient, MongoClient];
  stop(): Promise<void>;
}

export async function startFerretDbPair(
  prefix: string,
  off: Readonly<Record<string, string>>,
): Promise<FerretDbPair> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const servers = await Promise.all([
    startLocalFerretDb({ dataDir: join(dir, 'on'), reuseRunning: false }),
    startLocalFerretDb({ dataDir: join(dir, 'off'), reuseRunning: false, environment: off }),
  ]);
  const [on, withOff] = await Promise.all(servers.map((s) => MongoClient.connect(s.uri)));
  return {
    clients: [on!, withOff!],
    async stop() {
      await Promise.all([on!.close(), withOff!.close()]);
      await Promise.all(servers.map((s) => s.stop()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The pair for a whole suite (started before its tests, stopped after): a getter of its clients. */
export function useFerretDbPair(
  prefix: string,
  off: Readonly<Record<string, string>>,
): () => readonly [MongoClient, MongoClient] {
  let pair: FerretDbPair | undefined;
  beforeAll(async () => {
    pair = await startFerretDbPair(prefix, off);
  }, 60_000);
  afterAll(() => pair?.stop());
  return () => {
    if (pair === undefined) throw new Error('the FerretDB pair is not started');
    return pair.clients;
  };
}
