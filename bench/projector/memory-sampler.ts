/**
 * A process's resident memory for the projector bench (run.ts), sampled in the rebuild process
 * (rebuild-process.ts): the peak every 100 ms, and marks at chosen points with the V8 heap beside.
 */

export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Each mark's label (`before`, `25%`, …) and its value in MB. */
export interface MemoryMarks {
  readonly rss: Record<string, number>;
  /** The V8 heap in use: what the JavaScript holds, apart from what the allocator kept. */
  readonly heapUsed: Record<string, number>;
  /** Memory outside V8's heap (Buffers, ArrayBuffers): what RSS holds that heapUsed does not show. */
  readonly external: Record<string, number>;
  /** The heap V8 keeps committed (used or not): part of RSS after a collection. */
  readonly heapTotal: Record<string, number>;
}

export interface MemorySampler {
  /** The highest RSS seen, in bytes. */
  peak(): number;
  /** Records the current memory under a label. */
  at(label: string): void;
  readonly marks: MemoryMarks;
  stop(): void;
}

export function memorySampler(): MemorySampler {
  let peak = process.memoryUsage().rss;
  const marks: MemoryMarks = { rss: {}, heapUsed: {}, external: {}, heapTotal: {} };
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss),
    at(label) {
      // With --expose-gc (run.ts forks the rebuild process with it) a mark is taken after a full
      // collection, so it measures what the rebuild keeps, not where V8's cycle happens to be.
      globalThis.gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      peak = Math.max(peak, rss);
      marks.rss[label] = mb(rss);
      marks.heapUsed[label] = mb(heapUsed);
      marks.external[label] = mb(external);
      marks.heapTotal[label] = mb(heapTotal);
    },
    marks,
    stop: () => clearInterval(timer),
  };
}
