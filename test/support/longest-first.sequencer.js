/**
 * Jest's order of the test files (what failed last time first, then the slowest by the last run's
 * times, else the biggest file first) with the suites known to run longest moved to the front.
 * A fresh clone, as CI runs, has no times: the kill -9 suite (about 15 of CI's 18 minutes on one
 * of the two workers) is a small file and started about three minutes in, so the run ended when
 * it did, with the other worker idle. Started first, it runs beside all the others.
 */
import Sequencer from '@jest/test-sequencer';

const LONGEST = ['/test/projector/crash-and-concurrency.spec.ts', '/test/projector/one-center-scale.spec.ts'];

const rank = (path) => {
  const i = LONGEST.findIndex((suffix) => path.endsWith(suffix));
  return i < 0 ? LONGEST.length : i;
};

export default class LongestFirstSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    // Array.prototype.sort is stable: the rest keep Jest's order.
    return [...sorted].sort((a, b) => rank(a.path) - rank(b.path));
  }
}
