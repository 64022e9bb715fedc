/**
 * E2: exponential backoff with jitter: the n-th retry waits between half and all of
 * base · 2^(n−1), capped, so many deliveries failing together do not come back together.
 */
export interface BackoffSettings {
  readonly baseMs: number;
  readonly maxMs: number;
}

export function backoffDelay(
  attempts: number,
  settings: BackoffSettings,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
