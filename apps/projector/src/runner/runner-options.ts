/**
 * What a projection runner (projection-runner.ts) is told and tells: its options, the progress of a
 * batch, the status of a projection, and who owns its leases.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Position } from '#infra/event-store/event-store.port.js';
import type { BatchOutcome } from './projection-worker.js';

export interface ProjectionRunnerOptions {
  /** This process in the leases; default `<host>:<pid>:<random>`. */
  readonly owner?: string;
  /** Events per read; default 5000 (bigger batches write a document once for more of its events). */
  readonly batchSize?: number;
  /**
   * While reads come back full (far behind: a rebuild, or a restart after a while), each next read
   * is twice the last, up to this; back to `batchSize` once caught up. Default 4 × `batchSize`: a
   * case's events are spread over days of history, so a bigger batch writes its documents fewer
   * times, and as inserts rather than updates in a rebuild (apps/projector/README.md).
   */
  readonly maxBatchSize?: number;
  /** Pause between reads once caught up; default 200 ms. */
  readonly idlePollMs?: number;
  readonly leaseTtlMs?: number;
  /** How often a projection held elsewhere is tried again; default 2 s. */
  readonly leaseRetryMs?: number;
  readonly maxBackoffMs?: number;
  /** Stop once every projection has caught up (a rebuild); default false. */
  readonly stopWhenCaughtUp?: boolean;
  /**
   * New leases taken in one round; default 1, so projectors started together share the
   * projections. A rebuild, whose `#rebuild` leases it has claimed already, takes them all at once:
   * one a round started its projections a round apart, each later one from the first event again.
   */
  readonly leasesPerRound?: number;
  readonly logger?: Logger;
  readonly onBatch?: (progress: BatchProgress) => void;
}

export interface BatchProgress {
  readonly checkpointId: string;
  /** Events read in this batch after the projection's checkpoint. */
  readonly events: number;
  readonly outcome: BatchOutcome;
  readonly position: Position;
  readonly caughtUp: boolean;
}

export interface ProjectionStatus {
  readonly checkpointId: string;
  readonly owned: boolean;
  readonly position: Position;
}

/** The leases a round tries, in random order (ProjectionRunner `holdLeases`). */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const defaultOwner = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
