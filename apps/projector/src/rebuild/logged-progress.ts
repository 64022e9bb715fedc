/**
 * A rebuild's progress as log lines (info), for a rebuild the projector runs by itself (a version
 * change): no terminal to draw on, and an operator reads the logs. A line at the start, one at most
 * every `everyMs`, one per phase (the indexes take long and apply no event), one at the end.
 */
import type { Logger } from 'pino';
import type { ProgressReporter } from './progress-reporter.js';

export function loggedProgress(
  logger: Logger,
  everyMs = 10_000,
  now: () => number = () => Date.now(),
): Required<ProgressReporter> {
  let label = '';
  let total: number | undefined;
  let started = 0;
  let last = 0;
  return {
    start(name, expected) {
      label = name;
      total = expected;
      started = last = now();
      logger.info({ rebuild: label, events: expected }, 'rebuild: events to apply');
    },
    update(done) {
      const t = now();
      if (t - last < everyMs) return;
      last = t;
      const rate = done / Math.max(0.001, (t - started) / 1000);
      logger.info(
        {
          rebuild: label,
          done,
          total,
          eventsPerSecond: Math.round(rate),
          ...(total !== undefined && rate > 0 && { etaSeconds: Math.round((total - done) / rate) }),
        },
        'rebuild progress',
      );
    },
    step(message) {
      logger.info({ rebuild: label }, `rebuild: ${message}`);
    },
    finish(message) {
      logger.info({ rebuild: label }, `rebuild ${message}`);
    },
  };
}
