/**
 * The projector's progress as the views see it: the live checkpoints (re-read at most every 250 ms),
 * the wait for `minPosition` (API.md: up to 5 s, then 504 PROJECTION_LAG), and the configuration a
 * projection had folded by its checkpoint (office hours, holidays, policy), with which the views
 * are judged at query time as they were built.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ClientSession, Db } from 'mongodb';
import { START, type Position } from '#infra/event-store/event-store.port.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import {
  environmentOf,
  INITIAL_CONFIGURATION,
  type ConfigurationContext,
  type ConfigurationEnvironment,
} from '#infra/read-store/projection-configuration.js';
import { ProblemException } from '../problem/problem-details.js';
import { viewProblems } from './view-problems.js';
import { VIEWS_DEPENDENCIES, type ViewsDependencies } from './views-dependencies.js';

interface Snapshot {
  readonly at: number;
  readonly positions: ReadonlyMap<string, Position>;
  readonly contexts: ReadonlyMap<string, unknown>;
  /** The version each live projection's documents were built with (absent: before versions). */
  readonly versions: ReadonlyMap<string, number>;
}

const FRESH_MS = 250;
const POLL_MS = 50;

@Injectable()
export class ReadModelPositions {
  private snapshot: Snapshot | undefined;
  private reading: Promise<Snapshot> | undefined;
  private environment: { json: string; value: ConfigurationEnvironment } | undefined;

  constructor(@Inject(VIEWS_DEPENDENCIES) private readonly deps: ViewsDependencies) {}

  /** The read store, or 503 when this process has none. */
  db(): Db {
    if (!this.deps.db) throw new ProblemException(viewProblems.readStoreUnavailable());
    return this.deps.db;
  }

  private async read(session?: ClientSession): Promise<Snapshot> {
    const docs = await checkpointsOf(this.db())
      .find({}, session ? { session } : {})
      .toArray();
    const live = docs.filter((d) => !d._id.includes('#'));
    return {
      at: Date.now(),
      positions: new Map(live.map((d) => [d._id, d.position ?? START])),
      contexts: new Map(live.map((d) => [d._id, d.context])),
      versions: new Map(live.flatMap((d) => (typeof d.version === 'number' ? [[d._id, d.version]] : []))),
    };
  }

  async current(maxAgeMs = FRESH_MS): Promise<Snapshot> {
    if (this.snapshot && Date.now() - this.snapshot.at <= maxAgeMs) return this.snapshot;
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    this.snapshot = await this.reading;
    return this.snapshot;
  }

  /** Waits until every named projection has applied `minPosition` (API.md "Views are eventually consistent"). */
  async waitFor(
    minPosition: Position | undefined,
    projections: readonly string[],
    session?: ClientSession,
  ): Promise<void> {
    if (minPosition === undefined) return;
    const waitMs = this.deps.projectionWaitMs ?? 5_000;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const { positions } = session ? await this.read(session) : await this.current(0);
      // Positions are fixed-width strings: string order is position order.
      if (projections.every((p) => (positions.get(p) ?? START) >= minPosition)) return;
      if (Date.now() >= deadline) throw new ProblemException(viewProblems.projectionLag(minPosition, waitMs));
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /**
   * Waits for `minPosition` as waitFor does, reading the checkpoints through a causally consistent
   * session, and runs `read` in that session (issue 19): on a replica set the documents are then read
   * at least as of the checkpoint that said the views had caught up, whichever member answers.
   * Without `minPosition` there is nothing to be consistent with: no session.
   */
  async readCaughtUp<T>(
    minPosition: Position | undefined,
    projections: readonly string[],
    read: (session: ClientSession | undefined) => Promise<T>,
  ): Promise<T> {
    if (minPosition === undefined) return read(undefined);
    const session = this.db().client.startSession({ causalConsistency: true });
    try {
      await this.waitFor(minPosition, projections, session);
      return await read(session);
    } finally {
      await session.endSession();
    }
  }

  /**
   * Whether the documents a projection serves were all built by `version` or later: a query that
   * needs a newer field asks, and reads as older documents allow until a rebuild swaps them out.
   * At most 250 ms stale. A version rises in a rebuild's swap, so "yes" stays true; only a
   * rollback's rebuild lowers it, and for those 250 ms documents without the field go unread.
   */
  async builtSince(projection: string, version: number): Promise<boolean> {
    return ((await this.current()).versions.get(projection) ?? 0) >= version;
  }

  /** Office hours, calendar and policy as the projection had folded them by its checkpoint. */
  async configuration(projection: string): Promise<ConfigurationEnvironment> {
    const context = ((await this.current()).contexts.get(projection) ??
      INITIAL_CONFIGURATION) as ConfigurationContext;
    const json = JSON.stringify(context);
    if (this.environment?.json !== json) this.environment = { json, value: environmentOf(context) };
    return this.environment.value;
  }

  now(): number {
    return this.deps.clock.now();
  }
}
