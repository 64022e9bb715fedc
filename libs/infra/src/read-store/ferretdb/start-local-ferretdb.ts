/**
 * A local FerretDB (DESIGN.md "Read models": the MongoDB-wire read store used when MONGODB_URI is
 * unset): the SQLite backend under `dataDir` (0700), listening on 127.0.0.1 only, telemetry off,
 * its own log file. Resolves once it answers a ping; `stop()` ends it. A FerretDB that another
 * live process of this system runs on the same `dataDir` is reused rather than started twice (two
 * servers over one set of SQLite files would each keep their own catalog of collections).
 *
 * Finding 11: FerretDB dies with the process that started it, even on kill -9. It runs under a
 * small shell watchdog (ferretdb-watchdog.ts) that reads its stdin, a pipe from this process: when
 * this process ends, however it ends, the pipe closes and the watchdog stops FerretDB. A server
 * left by an older crash (its owner's pid dead) is stopped, not adopted.
 */
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { ferretDbBinary } from './ferretdb-binary.js';
import { freeTcpPort } from './free-tcp-port.js';
import { spawnWatched } from './ferretdb-watchdog.js';

export interface LocalFerretDb {
  /** `mongodb://127.0.0.1:<port>/` */
  readonly uri: string;
  readonly port: number;
  readonly dataDir: string;
  /** True when this process started the server (and `stop()` ends it); false when it was already running. */
  readonly owned: boolean;
  /** FerretDB's pid, for the log. */
  readonly pid: number;
  stop(): Promise<void>;
}

export interface StartLocalFerretDbOptions {
  /** Where the SQLite files, FerretDB's state and its log go. */
  readonly dataDir: string;
  /** Default: a free port. */
  readonly port?: number;
  /** Default: FERRETDB_BIN or .tools/bin/ferretdb. */
  readonly binary?: string;
  /** Default 20 s. */
  readonly startTimeoutMs?: number;
  /** Reuse a FerretDB another process runs on `dataDir`; default true. */
  readonly reuseRunning?: boolean;
  /** Added to FerretDB's environment (tests: GSC_FERRETDB_PREFILTER=off, scripts/ensure-ferretdb.sh). */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * SQLite's page size for the databases FerretDB creates from now on; a database file that exists
   * keeps the size it was made with (SQLite ignores the pragma in WAL mode). Default
   * `SQLITE_PAGE_SIZE`; tests name 4,096 to make a store as builds before it did.
   */
  readonly sqlitePageSize?: number;
}

/**
 * 16 KiB pages, where SQLite's default is 4 KiB: a case view is about 6 KB, so at 4 KiB nearly every
 * document spills into overflow pages, each written and read on its own, and every index over the
 * documents is deeper. A rebuild runs about a sixth faster, its index phase in half the time
 * (apps/projector/README.md, "16 KiB SQLite pages", has the measurements).
 */
export const SQLITE_PAGE_SIZE = 16_384;

interface RunningFile {
  /** FerretDB's own pid. */
  readonly pid: number;
  readonly port: number;
  /** The process that started it (absent in files older than finding 11). */
  readonly ownerPid?: number;
}

const RUNNING_FILE = 'ferretdb.json';

export class FerretDbStartFailed extends Error {
  override readonly name = 'FerretDbStartFailed';
  constructor(message: string) {
    super(message);
  }
}

export async function startLocalFerretDb(options: StartLocalFerretDbOptions): Promise<LocalFerretDb> {
  const dataDir = resolve(options.dataDir);
  const binary = options.binary ?? ferretDbBinary();
  const pageSize = options.sqlitePageSize ?? SQLITE_PAGE_SIZE;
  // SQLite takes a power of two from 512 to 65,536 and silently ignores anything else.
  if (!Number.isInteger(Math.log2(pageSize)) || pageSize < 512 || pageSize > 65_536)
    throw new RangeError(`sqlitePageSize must be a power of two from 512 to 65536, not ${pageSize}`);
  // Finding 12: the read models hold personal data; the files are this user's alone.
  for (const dir of [dataDir, join(dataDir, 'sqlite'), join(dataDir, 'state')]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
  }

  if (options.reuseRunning !== false) {
    const running = await runningServer(dataDir);
    if (running)
      return {
        uri: uriOf(running.port),
        port: running.port,
        dataDir,
        owned: false,
        pid: running.pid,
        stop: async () => undefined,
      };
  }

  const port = options.port ?? (await freeTcpPort());
  const log = openSync(join(dataDir, 'ferretdb.log'), 'a', 0o600);
  const pidFile = join(dataDir, 'state', 'ferretdb.pid');
  await rm(pidFile, { force: true });
  let child: ChildProcess;
  try {
    child = spawnWatched(
      binary,
      [
        '--handler=sqlite',
        // The page size first: it must precede FerretDB's journal_mode(wal), which it appends.
        // WAL with synchronous=NORMAL: a crash of this process or of FerretDB loses nothing, only a
        // power cut may lose the last commits, and read models are rebuilt from events anyway.
        `--sqlite-url=file:${join(dataDir, 'sqlite')}/?_pragma=page_size(${pageSize})&_pragma=synchronous(normal)`,
        `--listen-addr=127.0.0.1:${port}`,
        '--telemetry=disable',
        `--state-dir=${join(dataDir, 'state')}`,
        '--debug-addr=-',
        // Guarded writes that lose a race are answered as duplicate keys; at WARN FerretDB logs each.
        '--log-level=error',
        // Documents per SQLite INSERT of an insert command (default 100; each batch one transaction):
        // a rebuild inserts in thousands. 40,000 small documents in insertMany of 1,000 went from
        // 12.7–14.1k to 17.2–18.3k documents/s (issue 19).
        '--test-batch-size=1000',
      ],
      log,
      pidFile,
      options.environment,
    );
  } finally {
    closeSync(log);
  }
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const spawnError = new Promise<Error>((done) => child.once('error', done));
  // A clean exit stops it at once; any other end of this process closes the watchdog's pipe.
  const killOnExit = (): void => void child.kill('SIGTERM');
  stopOnExit(killOnExit);

  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  for (;;) {
    const outcome = await Promise.race([
      ping(port).then((ok) => (ok ? 'ready' : 'retry')),
      exited.then(() => 'exited' as const),
      spawnError.then((e) => e),
    ]);
    if (outcome === 'ready') break;
    if (outcome instanceof Error) {
      onExit.delete(killOnExit);
      throw new FerretDbStartFailed(`FerretDB could not be started (${binary}): ${outcome.message}`);
    }
    if (outcome === 'exited' || Date.now() > deadline) {
      child.kill('SIGKILL');
      onExit.delete(killOnExit);
      const tail = (await readFile(join(dataDir, 'ferretdb.log'), 'utf8').catch(() => '')).slice(-2000);
      throw new FerretDbStartFailed(
        `FerretDB did not start on 127.0.0.1:${port} (${outcome === 'exited' ? 'it exited' : 'timed out'}); ` +
          `its log (${join(dataDir, 'ferretdb.log')}) ends with:\n${tail}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const serverPid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) || (child.pid ?? 0);
  await writeFile(
    join(dataDir, RUNNING_FILE),
    JSON.stringify({ pid: serverPid, port, ownerPid: process.pid } satisfies RunningFile),
    { mode: 0o600 },
  );

  let stopped: Promise<void> | undefined;
  return {
    uri: uriOf(port),
    port,
    dataDir,
    owned: true,
    pid: serverPid,
    stop() {
      stopped ??= (async () => {
        onExit.delete(killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        await rm(join(dataDir, RUNNING_FILE), { force: true });
      })();
      return stopped;
    },
  };
}

// Never leave a server behind when this process exits (one listener for every server started).
const onExit = new Set<() => void>();
let exitListener = false;
function stopOnExit(stop: () => void): void {
  if (!exitListener) process.once('exit', () => onExit.forEach((f) => f()));
  exitListener = true;
  onExit.add(stop);
}

const uriOf = (port: number): string => `mongodb://127.0.0.1:${port}/`;

async function ping(port: number): Promise<boolean> {
  const client = new MongoClient(uriOf(port), {
    serverSelectionTimeoutMS: 500,
    connectTimeoutMS: 500,
    directConnection: true,
  });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** The FerretDB another process started on this data directory, if it is still alive and answers. */
async function runningServer(dataDir: string): Promise<RunningFile | undefined> {
  let running: RunningFile;
  try {
    running = JSON.parse(await readFile(join(dataDir, RUNNING_FILE), 'utf8')) as RunningFile;
  } catch {
    return undefined;
  }
  if (!alive(running.pid)) return undefined;
  // Left by a process that is gone (a crash before finding 11's watchdog): stop it, start afresh.
  if (running.ownerPid === undefined || !alive(running.ownerPid)) {
    await stopStale(running.pid);
    return undefined;
  }
  return (await ping(running.port)) ? running : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopStale(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}
