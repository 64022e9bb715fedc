/**
 * Rebuild progress (issue 6): on a terminal a bar redrawn in place with events/s and ETA; otherwise
 * (a log, CI) a plain line every few seconds. Written to stderr, so stdout stays for results.
 */
export interface ProgressReporter {
  /** `total`: events to apply, when known. */
  start(label: string, total: number | undefined): void;
  update(done: number): void;
  /** A line between the phases, so a long one that applies no event (the indexes) says what it does. */
  step?(message: string): void;
  finish(message: string): void;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}`
    : `${m}:${String(r).padStart(2, '0')}`;
}

export function createProgressReporter(
  stream: ProgressStream = process.stderr,
  now: () => number = () => Date.now(),
): Required<ProgressReporter> {
  const tty = stream.isTTY === true;
  let label = '';
  let total: number | undefined;
  let started = 0;
  let lastDraw = 0;
  let done = 0;
  /** A bar is drawn on the terminal's current line, not yet ended by a newline. */
  let barOpen = false;

  const line = (): string => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = total !== undefined && rate > 0 ? (total - done) / rate : NaN;
    const share = total ? Math.min(1, done / total) : undefined;
    const counts = total !== undefined ? `${fmt(done)}/${fmt(total)} events` : `${fmt(done)} events`;
    const tail = `${counts} ${fmt(rate)} events/s ETA ${duration(eta)}`;
    if (!tty) return `${label}: ${share !== undefined ? `${Math.floor(share * 100)}% ` : ''}${tail}`;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - tail.length - label.length - 12));
    const filled = share === undefined ? 0 : Math.round(share * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${share !== undefined ? `${Math.floor(share * 100)}%`.padStart(4) : ''} ${tail}`;
  };

  return {
    start(name, expected) {
      label = name;
      total = expected;
      started = lastDraw = now();
      done = 0;
      if (!tty)
        stream.write(
          `${label}: ${expected !== undefined ? `${fmt(expected)} events to apply` : 'starting'}\n`,
        );
    },
    update(count) {
      done = count;
      const t = now();
      if (tty && t - lastDraw >= 100) {
        stream.write(`\r${line()}\x1b[K`);
        barOpen = true;
        lastDraw = t;
      } else if (!tty && t - lastDraw >= 5000) {
        stream.write(`${line()}\n`);
        lastDraw = t;
      }
    },
    step(message) {
      if (barOpen) stream.write(`\r${line()}\x1b[K\n`);
      barOpen = false;
      stream.write(`${label}: ${message}\n`);
    },
    finish(message) {
      if (tty) stream.write(`\r${line()}\x1b[K\n`);
      barOpen = false;
      stream.write(`${label}: ${message}\n`);
    },
  };
}
