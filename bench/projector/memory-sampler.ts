/**
 * A process's resident memory for the projector bench (run.ts), sampled in the rebuild process
 * (rebuild-process.ts): the peak every 100 ms, and marks at chosen points with the V8 heap beside.
 *
 * A mark is taken once collections have settled: full collections (with --expose-gc) until V8's
 * committed heap and the memory outside it stop falling (at most SETTLE_PASSES). One collection
 * alone measured where V8's release of a batch's memory stood, not what the rebuild keeps: two
 * marks taken back to back at one point after the last batch read 516 and 375 MB (2026-12-03, 10,000
 * cases), the freed pages and Buffers of the batch being handed back over the next collections.
 * The first collection's RSS is kept beside (`rssAfterOneCollection`), as the bench measured before.
 */

export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Each mark's label (`before`, `25%`, …) and its value in MB. */
export interface MemoryMarks {
  readonly rss: Record<string, number>;
  /** RSS after the first full collection only (the bench's mark until 2026-12-03). */
  readonly rssAfterOneCollection: Record<string, number>;
  /** Full collections the mark took to settle. */
  readonly collections: Record<string, number>;
  /** The V8 heap in use: what the JavaScript holds, apart from what the allocator kept. */
  readonly heapUsed: Record<string, number>;
  /** Memory outside V8's heap (Buffers, ArrayBuffers): what RSS holds that heapUsed does not show. */
  readonly external: Record<string, number>;
  /** The heap V8 keeps committed (used or not): part of RSS after a collection. */
  readonly heapTotal: Record<string, number>;
  /** Milliseconds the mark took: the process does nothing else meanwhile (a rebuild waits). */
  readonly ms: Record<string, number>;
}

export interface MemorySampler {
  /** The highest RSS seen, in bytes. */
  peak(): number;
  /** Records the current memory under a label. */
  at(label: string): void;
  readonly marks: MemoryMarks;
  stop(): void;
}

/** At most this many full collections a mark; one that frees less than SETTLED_BYTES ends it. */
const SETTLE_PASSES = 10;
const SETTLED_BYTES = 1024 * 1024;

export function memorySampler(): MemorySampler {
  let peak = process.memoryUsage().rss;
  const marks: MemoryMarks = {
    rss: {},
    rssAfterOneCollection: {},
    collections: {},
    heapUsed: {},
    external: {},
    heapTotal: {},
    ms: {},
  };
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss),
    at(label) {
      const started = performance.now();
      const collect = globalThis.gc;
      collect?.();
      const first = process.memoryUsage();
      let settled = first;
      let passes = collect ? 1 : 0;
      while (collect && passes < SETTLE_PASSES) {
        collect();
        passes++;
        const now = process.memoryUsage();
        const fell = settled.heapTotal + settled.external - (now.heapTotal + now.external);
        settled = now;
        if (fell < SETTLED_BYTES) break;
      }
      const { rss, heapUsed, heapTotal, external } = settled;
      peak = Math.max(peak, first.rss, rss);
      marks.rss[label] = mb(rss);
      marks.rssAfterOneCollection[label] = mb(first.rss);
      marks.collections[label] = passes;
      marks.heapUsed[label] = mb(heapUsed);
      marks.external[label] = mb(external);
      marks.heapTotal[label] = mb(heapTotal);
      marks.ms[label] = Math.round(performance.now() - started);
    },
    marks,
    stop: () => clearInterval(timer),
  };
}
