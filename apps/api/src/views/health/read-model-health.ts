/**
 * What GET /health reports about the read side (API.md "Queries": `readStore`, `projectorLag`):
 * whether the read store answers, and how many events the slowest projection has still to apply
 * (counted from the event store after its checkpoint, up to 1,000: a lag that large reads 1000).
 * HealthController asks `READ_MODEL_HEALTH` for it.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PROJECTION_NAMES } from '#infra/read-store/read-model-collections.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { VIEWS_DEPENDENCIES, type ViewsDependencies } from '../views-dependencies.js';

export const READ_MODEL_HEALTH = Symbol('READ_MODEL_HEALTH');
export const LAG_COUNTED_UP_TO = 1000;

/** A projection with no checkpoint yet (not started, or started and not through its first batch): nulls. */
export interface ProjectionHealth {
  readonly projection: string;
  readonly position: string | null;
  readonly lag: number | null;
}

export interface ReadModelHealthReport {
  readonly readStore: 'ok' | 'unreachable' | 'not_configured';
  /**
   * Events the slowest projection is behind (at most 1000); null without a read store, or while a
   * projection has no checkpoint: its lag is not known, so no answer may say the views are current.
   */
  readonly projectorLag: number | null;
  readonly projections: readonly ProjectionHealth[];
}

@Injectable()
export class ReadModelHealth {
  constructor(
    @Inject(VIEWS_DEPENDENCIES) private readonly deps: ViewsDependencies,
    private readonly positions: ReadModelPositions,
  ) {}

  async report(): Promise<ReadModelHealthReport> {
    if (!this.deps.db) return { readStore: 'not_configured', projectorLag: null, projections: [] };
    let positions: ReadonlyMap<string, string>;
    try {
      positions = (await this.positions.current(0)).positions;
    } catch {
      return { readStore: 'unreachable', projectorLag: null, projections: [] };
    }
    const names = [...new Set([...PROJECTION_NAMES, ...positions.keys()])].sort();
    let projections: ProjectionHealth[];
    try {
      projections = await Promise.all(
        names.map(async (projection) => {
          const position = positions.get(projection);
          if (position === undefined) return { projection, position: null, lag: null };
          const page = await this.deps.store.readAll(position, { batchSize: LAG_COUNTED_UP_TO });
          return { projection, position, lag: page.events.length };
        }),
      );
    } catch {
      // The event store does not answer (GET /health says so): the lag cannot be counted.
      return { readStore: 'ok', projectorLag: null, projections: [] };
    }
    const lags = projections.map((p) => p.lag);
    return {
      readStore: 'ok',
      projectorLag: lags.every((lag) => lag !== null) ? Math.max(...lags) : null,
      projections,
    };
  }
}
