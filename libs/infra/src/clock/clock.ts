/**
 * The clock port (DESIGN.md "Supervision"): the domain never reads time, the edge passes `now` in.
 * `system` in production; `manual` for tests and demonstrations, moved only forward through
 * POST /admin/clock, so recorded times never run backwards.
 */
import type { ClockMode } from '../config/app-config.js';

export interface Clock {
  readonly mode: ClockMode;
  /** Epoch milliseconds. */
  now(): number;
}

export class SystemClock implements Clock {
  readonly mode = 'system' as const;
  now(): number {
    return Date.now();
  }
}

export class ClockMovedBackwardsError extends Error {
  override readonly name = 'ClockMovedBackwardsError';
  constructor(
    readonly current: number,
    readonly requested: number,
  ) {
    super(`the manual clock only moves forward: ${requested} is before ${current}`);
  }
}

export class ManualClock implements Clock {
  readonly mode = 'manual' as const;
  private current: number;

  constructor(start: number = Date.now()) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Moves the clock to `to`; refuses to go back (a step may not be recorded before an earlier one). */
  set(to: number): void {
    if (!Number.isFinite(to)) throw new RangeError('not an instant');
    if (to < this.current) throw new ClockMovedBackwardsError(this.current, to);
    this.current = to;
  }
}

export function createClock(mode: ClockMode, start?: number): Clock {
  return mode === 'manual' ? new ManualClock(start) : new SystemClock();
}
