/**
 * The run's one seeded stream of numbers. Every draw comes from it, in the order the simulation
 * makes them, so the same seed always gives the same cases.
 */
import { seededRandom } from '#domain/testing/seeded-random.js';

export interface Dice {
  /** A number in [0, 1). */
  readonly random: () => number;
  /** One of `items`, each as likely (one draw). */
  readonly pick: <T>(items: readonly T[]) => T;
  /** True with probability `p` (one draw). */
  readonly chance: (p: number) => boolean;
}

export function diceOf(seed: number): Dice {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  return { random, pick, chance };
}
