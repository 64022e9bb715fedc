/**
 * The bench's side of its rebuild process (rebuild-process.ts): forks it, tells it where the stores
 * are through its environment, and waits for its result and its exit. The rebuild runs in a process
 * of its own, as production's `npm run rebuild` does, so its memory marks hold what the rebuild
 * keeps and not what seeding the event store left committed in the bench's heap.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RebuildPhases } from '../../apps/projector/src/rebuild/rebuild-projections.js';
import type { MemoryMarks } from './memory-sampler.js';
import { benchNodeFlags } from '../support/node-flags.js';

export interface RebuildRequest {
  /** postgres://… or pglite://<directory>, closed by the bench meanwhile (PGlite has one process). */
  readonly eventStoreUrl: string;
  readonly readUri: string;
  readonly readDatabase: string;
  /** Events in the store, for the marks at each quarter of them. */
  readonly events: number;
}

/** Per projection, from the runner's debug lines (BENCH_PROFILE=1). */
export interface BatchProfile {
  batches: number;
  applyMs: number;
  sharedMs: number;
  writeMs: number;
  /** Unit documents the batches touched, summed: one is written once per batch that changes it. */
  units: number;
}

export interface RebuildResult {
  readonly seconds: number;
  readonly projections: readonly string[];
  /** Where the rebuild's own time went (applying, indexing, swapping, in place). */
  readonly phases: RebuildPhases;
  readonly marks: MemoryMarks;
  /** Bytes. */
  readonly peakRss: number;
  readonly profile: Record<string, BatchProfile>;
}

export type RebuildMessage =
  | { readonly type: 'result'; readonly result: RebuildResult }
  | { readonly type: 'error'; readonly error: string };

const ENV = {
  eventStoreUrl: 'BENCH_REBUILD_EVENT_STORE_URL',
  readUri: 'BENCH_REBUILD_READ_URI',
  readDatabase: 'BENCH_REBUILD_READ_DATABASE',
  events: 'BENCH_REBUILD_EVENTS',
} as const;

/** The rebuild process's request, from the environment the bench gave it. */
export function requestFromEnv(env: NodeJS.ProcessEnv): RebuildRequest {
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: the rebuild process is started by run.ts`);
    return value;
  };
  return {
    eventStoreUrl: need(ENV.eventStoreUrl),
    readUri: need(ENV.readUri),
    readDatabase: need(ENV.readDatabase),
    events: Number(need(ENV.events)),
  };
}

const isRebuildMessage = (message: unknown): message is RebuildMessage =>
  typeof message === 'object' &&
  message !== null &&
  'type' in message &&
  (message.type === 'result' || message.type === 'error');

/**
 * Runs the rebuild in a child process and resolves with its result once it has exited (PGlite's
 * directory is free again then); rejects with its error if it fails or exits without a result.
 */
export function rebuildInChildProcess(request: RebuildRequest): Promise<RebuildResult> {
  const child = fork(fileURLToPath(new URL('./rebuild-process.js', import.meta.url)), [], {
    // The marks take a full collection first (memory-sampler.ts); then `npm run rebuild`'s flags.
    execArgv: ['--expose-gc', ...benchNodeFlags('rebuild')],
    env: {
      ...process.env,
      [ENV.eventStoreUrl]: request.eventStoreUrl,
      [ENV.readUri]: request.readUri,
      [ENV.readDatabase]: request.readDatabase,
      [ENV.events]: String(request.events),
    },
  });
  return new Promise((resolve, reject) => {
    let result: RebuildResult | undefined;
    let error: string | undefined;
    child.on('message', (message) => {
      if (!isRebuildMessage(message)) return;
      if (message.type === 'result') result = message.result;
      else error = message.error;
    });
    child.once('error', reject); // could not be started (or signalled)
    child.once('exit', (code, signal) => {
      if (result && code === 0) return resolve(result);
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new Error(`the rebuild process ${how}${error ? `: ${error}` : ' without a result'}`));
    });
  });
}
