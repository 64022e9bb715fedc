/**
 * A FerretDB for the bench (DESIGN.md "Read models": the local read store, SQLite backend) on a free
 * port with its data in a temporary folder, unless MONGODB_BENCH_URI names a MongoDB to use instead.
 * The binary: FERRETDB_BIN, else .tools/bin/ferretdb (scripts/ensure-ferretdb.sh installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';

export interface BenchReadStore {
  readonly uri: string;
  readonly kind: 'ferretdb' | 'mongodb';
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

export async function startBenchReadStore(): Promise<BenchReadStore> {
  const given = process.env.MONGODB_BENCH_URI;
  if (given) return { uri: given, kind: 'mongodb', stop: async () => undefined };
  const bin = process.env.FERRETDB_BIN ?? resolve('.tools/bin/ferretdb');
  if (!existsSync(bin))
    throw new Error(
      `no FerretDB binary at ${bin}: run scripts/ensure-ferretdb.sh, or set FERRETDB_BIN or MONGODB_BENCH_URI`,
    );
  // A free port can be taken between the look and the listen: try again on another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(bin);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function launch(bin: string): Promise<BenchReadStore> {
  const dir = await mkdtemp(join(tmpdir(), 'supervision-ferretdb-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=127.0.0.1:0',
      '--telemetry=disable',
      `--state-dir=${dir}`,
      '--log-level=ERROR',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await rm(dir, { recursive: true, force: true });
  };
  const uri = `mongodb://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`FerretDB exited with ${child.exitCode}: ${stderr}`);
    }
    try {
      const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 1_000 });
      await client.db('admin').command({ ping: 1 });
      await client.close();
      return { uri, kind: 'ferretdb', stop };
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`FerretDB did not answer on ${uri} within 30 s: ${stderr}`, { cause: error });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
