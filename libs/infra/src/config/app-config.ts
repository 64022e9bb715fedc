import {
  checkKurrentConnectionString,
  isKurrentUrl,
} from '../event-store/kurrentdb/kurrentdb-connection-string.js';

/**
 * The process configuration (DESIGN.md "Configuration"), read once from the environment at start.
 * Every wrong variable is reported at once with a clear message, so an operator fixes them in one go.
 */
import { tryParseInstant } from '#domain/calendar/shanghai-time.js';

export type ClockMode = 'system' | 'manual';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  /** Unset: embedded PGlite under `dataDir` (DESIGN.md "Event store"). */
  readonly eventStoreUrl?: string;
  /** Read models: a MongoDB or FerretDB server; unset starts a local FerretDB under `dataDir`. */
  readonly mongodbUri?: string;
  readonly port: number;
  /** The address the API listens on (HOST; default loopback, finding 12). */
  readonly host: string;
  /** How bearer tokens are checked: a shared HS256 secret, or RS256 keys from a JWKS URL. */
  readonly auth: (
    | { readonly kind: 'secret'; readonly secret: string; readonly devDefault: boolean }
    | { readonly kind: 'jwks'; readonly jwksUrl: string }
  ) &
    TokenRules;
  readonly clock: ClockMode;
  /**
   * CLOCK_START (CLOCK=manual only): the instant, epoch ms, the manual clock starts at instead of the
   * real time, e.g. to show the National Day example of T4 on a fresh store. It never starts before
   * the latest time the event store holds (libs/infra/src/clock/manual-clock-start.ts).
   */
  readonly clockStart?: number;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly production: boolean;
  /** How often an API process reads configuration events other processes recorded (CONFIGURATION_POLL_MS). */
  readonly configurationPollMs: number;
  /** Between the end of one supervision tick and the start of the next (SUPERVISION_INTERVAL_MS; DESIGN.md: 30 s). */
  readonly supervisionIntervalMs: number;
  /** I2: the master key's secret (DATA_KEY_SECRET); a development default outside production, with a warning. */
  readonly dataKeySecret: { readonly secret: string; readonly devDefault: boolean };
  /** U7: between scheduled seals of the store (SEAL_INTERVAL_MS; default hourly; 0 = no schedule). */
  readonly sealIntervalMs: number;
  /** Heartbeat comment on GET /alerts/stream (ALERTS_HEARTBEAT_MS; 15 s), so proxies keep it open. */
  readonly alertsHeartbeatMs: number;
  /**
   * PROJECTOR: `in-process` (default) runs the projector and supervision in the API's process, as
   * `npm start` does; `off` serves the API only, beside projector processes on shared stores.
   */
  readonly projector: ProjectorMode;
}

export type ProjectorMode = 'in-process' | 'off';

/** What every token must carry besides its signature (finding 9). */
export interface TokenRules {
  /** `exp` is required, and `exp − iat` (or `exp − now` without `iat`) at most this (AUTH_JWT_MAX_LIFETIME). */
  readonly maxLifetimeS: number;
  /** AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE: checked when set. */
  readonly issuer?: string;
  readonly audience?: string;
}

/** Tokens live at most a working day and a night by default. */
export const DEFAULT_TOKEN_LIFETIME_S = 24 * 3600;

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/** Whether an address only takes connections from this machine. */
export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

// Read from a JSON file so that scripts/token.mjs, plain JavaScript run without a build, signs with
// the very same value (one definition). A dynamic import: swc, the test transformer, strips the
// `with` attribute of a static JSON import.
const { default: devJwtSecret } = await import('./dev-jwt-secret.json', { with: { type: 'json' } });

/** Only for local development: used when DATA_KEY_SECRET is unset outside production, with a warning (I2). */
export const DEV_DATA_KEY_SECRET = 'dev-only-data-key-个人信息-change-me-0123456789';

/** Only for local development: used when AUTH_JWT_SECRET is unset outside production, with a warning. */
export const DEV_JWT_SECRET: string = devJwtSecret.secret;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** The SQL schemes the event store factory understands; EventStoreDB's are checked by its client's parser. */
const EVENT_STORE_SCHEMES = ['postgres:', 'postgresql:', 'pglite:'];
/** The instants the system reads and writes (DOMAIN.md T14). */
const YEAR_2000 = Date.UTC(2000, 0, 1) - 8 * 3_600_000;
const YEAR_2100 = Date.UTC(2100, 0, 1) - 8 * 3_600_000;
/** HS256 needs a key at least as long as the hash (RFC 7518 §3.2). */
const MIN_SECRET_BYTES = 32;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** For a process's entry point: a ConfigError's problems go to stderr, then the process exits 1. */
export function orExitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const loadConfigOrExit = (env: Env = process.env): AppConfig =>
  orExitOnConfigError(() => loadConfig(env));

/** Parses and checks the environment; throws `ConfigError` listing every problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';

  let eventStoreUrl: string | undefined;
  if (present(env.EVENT_STORE_URL)) {
    const url = parseUrl(env.EVENT_STORE_URL);
    // EventStoreDB: the client's own parser (the cluster form is no WHATWG URL; schemes are case-sensitive).
    const kurrent = isKurrentUrl(env.EVENT_STORE_URL)
      ? checkKurrentConnectionString(env.EVENT_STORE_URL)
      : undefined;
    if (kurrent) {
      if (kurrent.ok) eventStoreUrl = env.EVENT_STORE_URL;
      else problems.push(kurrent.problem);
    } else if (!url || !EVENT_STORE_SCHEMES.includes(url.protocol))
      problems.push(
        `EVENT_STORE_URL must be a postgres://, pglite://, esdb:// or kurrentdb:// URL (got ${redact(env.EVENT_STORE_URL)}); leave it unset for the embedded PGlite store.`,
      );
    else eventStoreUrl = env.EVENT_STORE_URL;
  }

  let mongodbUri: string | undefined;
  if (present(env.MONGODB_URI)) {
    const url = parseUrl(env.MONGODB_URI);
    if (!url || (url.protocol !== 'mongodb:' && url.protocol !== 'mongodb+srv:'))
      problems.push(
        `MONGODB_URI must be a mongodb:// or mongodb+srv:// URL (got ${redact(env.MONGODB_URI)}).`,
      );
    else mongodbUri = env.MONGODB_URI;
  }

  let port = 3000;
  if (present(env.PORT)) {
    const n = Number(env.PORT);
    if (!/^\d+$/.test(env.PORT.trim()) || n > 65535)
      problems.push(`PORT must be a whole number from 0 to 65535 (got ${JSON.stringify(env.PORT)}).`);
    else port = n;
  }

  const host = present(env.HOST) ? env.HOST.trim() : '127.0.0.1';

  let maxLifetimeS = DEFAULT_TOKEN_LIFETIME_S;
  if (present(env.AUTH_JWT_MAX_LIFETIME)) {
    const n = Number(env.AUTH_JWT_MAX_LIFETIME.trim());
    if (!/^\d+$/.test(env.AUTH_JWT_MAX_LIFETIME.trim()) || n < 60 || n > 30 * 86400)
      problems.push(
        `AUTH_JWT_MAX_LIFETIME must be seconds from 60 to 2592000 (got ${JSON.stringify(env.AUTH_JWT_MAX_LIFETIME)}).`,
      );
    else maxLifetimeS = n;
  }
  const rules: TokenRules = {
    maxLifetimeS,
    ...(present(env.AUTH_JWT_ISSUER) && { issuer: env.AUTH_JWT_ISSUER.trim() }),
    ...(present(env.AUTH_JWT_AUDIENCE) && { audience: env.AUTH_JWT_AUDIENCE.trim() }),
  };

  let auth: AppConfig['auth'] | undefined;
  const secret = env.AUTH_JWT_SECRET;
  const jwks = env.AUTH_JWKS_URL;
  if (present(secret) && present(jwks)) {
    problems.push('Set either AUTH_JWT_SECRET (HS256) or AUTH_JWKS_URL (RS256), not both.');
  } else if (present(jwks)) {
    const url = parseUrl(jwks);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      problems.push(`AUTH_JWKS_URL must be an http(s) URL (got ${JSON.stringify(jwks)}).`);
    else auth = { kind: 'jwks', jwksUrl: jwks, ...rules };
  } else if (present(secret)) {
    if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES)
      problems.push(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long for HS256.`);
    else auth = { kind: 'secret', secret, devDefault: false, ...rules };
  } else if (production) {
    problems.push('AUTH_JWT_SECRET or AUTH_JWKS_URL is required when NODE_ENV=production.');
  } else if (!isLoopback(host)) {
    // Finding 12: the development secret is in the source; on a reachable address anyone could
    // mint an admin token with it.
    problems.push(
      `HOST=${host} takes connections from other machines: set AUTH_JWT_SECRET or AUTH_JWKS_URL (the development secret is only for loopback).`,
    );
  } else {
    auth = { kind: 'secret', secret: DEV_JWT_SECRET, devDefault: true, ...rules };
  }

  let clock: ClockMode = 'system';
  if (present(env.CLOCK)) {
    if (env.CLOCK !== 'system' && env.CLOCK !== 'manual')
      problems.push(`CLOCK must be 'system' or 'manual' (got ${JSON.stringify(env.CLOCK)}).`);
    else clock = env.CLOCK;
  }

  let clockStart: number | undefined;
  if (present(env.CLOCK_START)) {
    const at = tryParseInstant(env.CLOCK_START.trim());
    if (at === undefined || at < YEAR_2000 || at >= YEAR_2100)
      problems.push(
        `CLOCK_START must be an ISO-8601 instant with an offset between 2000 and 2099, e.g. 2025-09-30T10:00:00+08:00 (got ${JSON.stringify(env.CLOCK_START)}).`,
      );
    else if (clock !== 'manual')
      problems.push('CLOCK_START needs CLOCK=manual: the system clock cannot be set.');
    else clockStart = at;
  }

  const dataDir = present(env.DATA_DIR) ? env.DATA_DIR : './data';

  let logLevel: LogLevel = 'info';
  if (present(env.LOG_LEVEL)) {
    if (!LOG_LEVELS.includes(env.LOG_LEVEL as LogLevel))
      problems.push(
        `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(env.LOG_LEVEL)}).`,
      );
    else logLevel = env.LOG_LEVEL as LogLevel;
  }

  let configurationPollMs = 1000;
  if (present(env.CONFIGURATION_POLL_MS)) {
    const n = Number(env.CONFIGURATION_POLL_MS);
    if (!/^\d+$/.test(env.CONFIGURATION_POLL_MS.trim()) || n < 10 || n > 3_600_000)
      problems.push(
        `CONFIGURATION_POLL_MS must be milliseconds from 10 to 3600000 (got ${JSON.stringify(env.CONFIGURATION_POLL_MS)}).`,
      );
    else configurationPollMs = n;
  }

  const milliseconds = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name];
    if (!present(text)) return fallback;
    const n = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
      problems.push(`${name} must be milliseconds from ${min} to ${max} (got ${JSON.stringify(text)}).`);
      return fallback;
    }
    return n;
  };
  const supervisionIntervalMs = milliseconds('SUPERVISION_INTERVAL_MS', 30_000, 100, 86_400_000);
  const alertsHeartbeatMs = milliseconds('ALERTS_HEARTBEAT_MS', 15_000, 100, 600_000);
  const sealIntervalMs =
    env.SEAL_INTERVAL_MS?.trim() === '0' ? 0 : milliseconds('SEAL_INTERVAL_MS', 3_600_000, 1000, 86_400_000);

  let dataKeySecret = { secret: DEV_DATA_KEY_SECRET, devDefault: true };
  if (present(env.DATA_KEY_SECRET)) {
    if (Buffer.byteLength(env.DATA_KEY_SECRET, 'utf8') < MIN_SECRET_BYTES)
      problems.push(`DATA_KEY_SECRET must be at least ${MIN_SECRET_BYTES} bytes long (I2).`);
    else dataKeySecret = { secret: env.DATA_KEY_SECRET, devDefault: false };
  } else if (production) problems.push('DATA_KEY_SECRET is required when NODE_ENV=production (I2).');

  let projector: ProjectorMode = 'in-process';
  if (present(env.PROJECTOR)) {
    if (env.PROJECTOR !== 'in-process' && env.PROJECTOR !== 'off')
      problems.push(`PROJECTOR must be 'in-process' or 'off' (got ${JSON.stringify(env.PROJECTOR)}).`);
    else projector = env.PROJECTOR;
  }
  // PGlite belongs to one process: the projector that reads it must run in the API's.
  if (projector === 'off' && eventStoreUrl === undefined)
    problems.push(
      'PROJECTOR=off needs EVENT_STORE_URL (a PostgreSQL or EventStoreDB server the projector processes share): the embedded PGlite store belongs to one process.',
    );

  if (problems.length > 0 || auth === undefined) throw new ConfigError(problems);
  return {
    ...(eventStoreUrl !== undefined && { eventStoreUrl }),
    ...(mongodbUri !== undefined && { mongodbUri }),
    port,
    host,
    auth,
    clock,
    ...(clockStart !== undefined && { clockStart }),
    dataDir,
    logLevel,
    production,
    configurationPollMs,
    supervisionIntervalMs,
    sealIntervalMs,
    dataKeySecret,
    alertsHeartbeatMs,
    projector,
  };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Connection strings may carry passwords: never echo them back in an error message. */
function redact(text: string): string {
  const url = parseUrl(text);
  if (!url) return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (url.password) url.password = '***';
  return JSON.stringify(url.toString());
}
