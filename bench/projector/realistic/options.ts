/** What the realistic cases generator is asked for, and what it yields. */
import type { ExpectedRevision, NewEvent } from '#infra/event-store/event-store.port.js';

export interface RealisticCasesOptions {
  readonly cases: number;
  /** Default 1. */
  readonly seed?: number;
  /** First arrival; default Monday 2025-03-03 08:30. */
  readonly start?: string;
  /** Arrivals per working day; default 150 (a county center). */
  readonly casesPerDay?: number;
  /**
   * Office minutes the simulation runs on after the last arrival; default 420 (a working day).
   * Cases still under way then stay open, as they are in a center on any given day.
   */
  readonly tailMinutes?: number;
}

/** One append: events for one stream at its expected revision, recorded at `recordedAt`. */
export interface PlannedAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly NewEvent[];
  /** Epoch ms: what the store's clock should say when this is appended. */
  readonly recordedAt: number;
}

/** The default first arrival. */
export const START = '2025-03-03T08:30:00+08:00';
