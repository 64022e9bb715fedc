import { backoffDelay } from './backoff.js';
import { DEFAULT_NOTIFICATION_SETTINGS, loadNotificationSettings } from './notification-settings.js';

const settings = { baseMs: 1_000, maxMs: 3_600_000 };

describe('retry backoff and settings (E2)', () => {
  it('E2: the n-th retry waits between half and all of base · 2^(n−1), capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, settings, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, settings, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffDelay(40, settings, () => 1)).toBe(3_600_000);
  });

  it('E2: jitter spreads retries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5, settings)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(8_000);
  });

  it('E2: retried for 24 hours by default; wrong NOTIFICATIONS_* variables are all named at start', () => {
    expect(loadNotificationSettings({})).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(DEFAULT_NOTIFICATION_SETTINGS.retryWindowMs).toBe(24 * 3600 * 1000);
    expect(loadNotificationSettings({ NOTIFICATIONS_TIMEOUT_MS: '300', NOTIFICATIONS: 'off' })).toMatchObject(
      {
        timeoutMs: 300,
        enabled: false,
      },
    );
    expect(() =>
      loadNotificationSettings({ NOTIFICATIONS_CONCURRENCY: 'many', NOTIFICATIONS_RETRY_WINDOW_MS: '-1' }),
    ).toThrow(
      /NOTIFICATIONS_CONCURRENCY[\s\S]*NOTIFICATIONS_RETRY_WINDOW_MS|NOTIFICATIONS_RETRY_WINDOW_MS[\s\S]*NOTIFICATIONS_CONCURRENCY/,
    );
  });
});
