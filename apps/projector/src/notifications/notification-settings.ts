/**
 * The notifier's settings (E2), from the environment with defaults; tests and the bench pass short
 * ones. Checked at start: a wrong value stops the process with a message naming the variable.
 */
import { ConfigError, orExitOnConfigError } from '#infra/config/app-config.js';

export interface NotificationSettings {
  /** NOTIFICATIONS: `on` (default) or `off`. */
  readonly enabled: boolean;
  /** NOTIFICATIONS_RETRY_WINDOW_MS: retried for this long, then undeliverable; 24 h (E2). */
  readonly retryWindowMs: number;
  /** NOTIFICATIONS_BACKOFF_BASE_MS / _MAX_MS: the first retry's delay, and the cap; 1 s and 1 h. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** NOTIFICATIONS_TIMEOUT_MS: one request; 10 s. */
  readonly timeoutMs: number;
  /** NOTIFICATIONS_CONCURRENCY: requests in flight per subscription; 4. */
  readonly concurrency: number;
  /** NOTIFICATIONS_SWEEP_MS: how often deliveries made elsewhere or resent are looked for; 10 s. */
  readonly sweepMs: number;
  /** NOTIFICATIONS_POLL_MS: how often the notifier reads new events once caught up; 500 ms. */
  readonly pollMs: number;
  /**
   * NOTIFICATIONS_ALLOW_PRIVATE_HOSTS: `off` (default) refuses to send to a host that is, or
   * resolves to, a loopback, private, link-local or otherwise non-public address (E2, SSRF:
   * channels/outbound-post.ts); `on` allows them, for a receiver inside the center's own network.
   */
  readonly allowPrivateHosts: boolean;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  enabled: true,
  retryWindowMs: 24 * 3600_000,
  backoffBaseMs: 1000,
  backoffMaxMs: 3600_000,
  timeoutMs: 10_000,
  concurrency: 4,
  sweepMs: 10_000,
  pollMs: 500,
  allowPrivateHosts: false,
};

const NUMERIC: readonly [keyof NotificationSettings, string][] = [
  ['retryWindowMs', 'NOTIFICATIONS_RETRY_WINDOW_MS'],
  ['backoffBaseMs', 'NOTIFICATIONS_BACKOFF_BASE_MS'],
  ['backoffMaxMs', 'NOTIFICATIONS_BACKOFF_MAX_MS'],
  ['timeoutMs', 'NOTIFICATIONS_TIMEOUT_MS'],
  ['concurrency', 'NOTIFICATIONS_CONCURRENCY'],
  ['sweepMs', 'NOTIFICATIONS_SWEEP_MS'],
  ['pollMs', 'NOTIFICATIONS_POLL_MS'],
];

export function loadNotificationSettings(env: NodeJS.ProcessEnv): NotificationSettings {
  const problems: string[] = [];
  const values: Record<string, number> = {};
  for (const [key, name] of NUMERIC) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 7 * 24 * 3600_000)
      problems.push(`${name} must be a whole number between 1 and 604800000 (got ${JSON.stringify(raw)})`);
    else values[key] = n;
  }
  const onOff = (name: string, fallback: 'on' | 'off'): boolean => {
    const value = env[name]?.trim() || fallback;
    if (value !== 'on' && value !== 'off')
      problems.push(`${name} must be on or off (got ${JSON.stringify(value)})`);
    return value === 'on';
  };
  const enabled = onOff('NOTIFICATIONS', 'on');
  const allowPrivateHosts = onOff('NOTIFICATIONS_ALLOW_PRIVATE_HOSTS', 'off');
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...DEFAULT_NOTIFICATION_SETTINGS, ...values, enabled, allowPrivateHosts };
}

/** For a process's entry point: the settings, or a message naming the wrong variable and exit 1. */
export const notificationSettingsOrExit = (env: NodeJS.ProcessEnv): NotificationSettings =>
  orExitOnConfigError(() => loadNotificationSettings(env));
