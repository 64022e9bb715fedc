import { ConfigError, DEV_DATA_KEY_SECRET, DEV_JWT_SECRET, loadConfig } from './app-config.js';

const SECRET = 'a-secret-that-is-at-least-32-bytes-long!';

describe('loadConfig', () => {
  it('refuses supervision and heartbeat intervals that are not milliseconds in range, naming the variable', () => {
    for (const [name, value] of [
      ['SUPERVISION_INTERVAL_MS', '10'],
      ['SUPERVISION_INTERVAL_MS', '30s'],
      ['ALERTS_HEARTBEAT_MS', '0'],
      ['ALERTS_HEARTBEAT_MS', '9999999'],
    ] as const) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} must be milliseconds`));
    }
  });

  it('defaults: port 3000, system clock, ./data, embedded store, development secret outside production', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      auth: { kind: 'secret', secret: DEV_JWT_SECRET, devDefault: true, maxLifetimeS: 86_400 },
      clock: 'system',
      dataDir: './data',
      logLevel: 'info',
      production: false,
      configurationPollMs: 1000,
      supervisionIntervalMs: 30_000,
      sealIntervalMs: 3_600_000,
      dataKeySecret: { secret: DEV_DATA_KEY_SECRET, devDefault: true },
      alertsHeartbeatMs: 15_000,
      projector: 'in-process',
    });
  });

  it('finding 12: the development secret is refused on any address but loopback; AUTH_JWT_MAX_LIFETIME is seconds', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST=0\.0\.0\.0 .*AUTH_JWT_SECRET/);
    expect(() => loadConfig({ HOST: '192.168.1.20' })).toThrow(/development secret is only for loopback/);
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ HOST: '0.0.0.0', AUTH_JWT_SECRET: SECRET }).host).toBe('0.0.0.0');
    expect(() => loadConfig({ AUTH_JWT_MAX_LIFETIME: 'forever' })).toThrow(
      /AUTH_JWT_MAX_LIFETIME must be seconds/,
    );
  });

  it('PROJECTOR=off serves the API alone, which needs a shared event store (PGlite belongs to one process)', () => {
    expect(loadConfig({ PROJECTOR: 'off', EVENT_STORE_URL: 'postgres://db/events' }).projector).toBe('off');
    expect(() => loadConfig({ PROJECTOR: 'off' })).toThrow(/PROJECTOR=off needs EVENT_STORE_URL/);
    expect(() => loadConfig({ PROJECTOR: 'sometimes' })).toThrow(/PROJECTOR must be 'in-process' or 'off'/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      EVENT_STORE_URL: 'postgres://u:p@db:5432/events',
      MONGODB_URI: 'mongodb://localhost:27017/views',
      PORT: '8080',
      AUTH_JWT_SECRET: SECRET,
      CLOCK: 'manual',
      DATA_DIR: '/var/lib/cases',
      LOG_LEVEL: 'debug',
      SUPERVISION_INTERVAL_MS: '5000',
      ALERTS_HEARTBEAT_MS: '2000',
      HOST: '0.0.0.0',
      AUTH_JWT_MAX_LIFETIME: '3600',
      AUTH_JWT_ISSUER: 'https://idp.example',
      AUTH_JWT_AUDIENCE: 'case-api',
    });
    expect(config).toMatchObject({
      supervisionIntervalMs: 5000,
      alertsHeartbeatMs: 2000,
      eventStoreUrl: 'postgres://u:p@db:5432/events',
      mongodbUri: 'mongodb://localhost:27017/views',
      port: 8080,
      host: '0.0.0.0',
      auth: {
        kind: 'secret',
        secret: SECRET,
        devDefault: false,
        maxLifetimeS: 3600,
        issuer: 'https://idp.example',
        audience: 'case-api',
      },
      clock: 'manual',
      dataDir: '/var/lib/cases',
      logLevel: 'debug',
    });
    expect(loadConfig({ AUTH_JWKS_URL: 'https://id.example/.well-known/jwks.json' }).auth).toEqual({
      kind: 'jwks',
      jwksUrl: 'https://id.example/.well-known/jwks.json',
      maxLifetimeS: 86_400,
    });
  });

  it('reports every wrong variable at once, never echoing a password', () => {
    let error: unknown;
    try {
      loadConfig({
        EVENT_STORE_URL: 'mysql://root:hunter2@db/x',
        PORT: 'eighty',
        CLOCK: 'sundial',
        LOG_LEVEL: 'loud',
        AUTH_JWT_SECRET: 'short',
        MONGODB_URI: 'http://x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.join('\n')).toMatch(
      /EVENT_STORE_URL[\s\S]*MONGODB_URI[\s\S]*PORT[\s\S]*AUTH_JWT_SECRET[\s\S]*CLOCK[\s\S]*LOG_LEVEL/,
    );
  });

  it('production needs a real secret or JWKS', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_JWT_SECRET or AUTH_JWKS_URL is required/,
    );
    expect(() => loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'https://id.example/jwks' })).toThrow(
      /not both/,
    );
  });

  it('CLOCK_START sets where a manual clock starts: an instant with an offset in 2000–2099, and only with CLOCK=manual', () => {
    expect(loadConfig({ CLOCK: 'manual', CLOCK_START: '2025-09-30T10:00:00+08:00' }).clockStart).toBe(
      Date.parse('2025-09-30T02:00:00Z'),
    );
    expect(loadConfig({ CLOCK: 'manual' })).not.toHaveProperty('clockStart');
    for (const bad of ['2025-09-30', '2025-09-30T10:00:00', 'yesterday', '1999-12-31T23:59:59+08:00'])
      expect(() => loadConfig({ CLOCK: 'manual', CLOCK_START: bad })).toThrow(
        /CLOCK_START must be an ISO-8601 instant/,
      );
    expect(() => loadConfig({ CLOCK_START: '2025-09-30T10:00:00+08:00' })).toThrow(
      /CLOCK_START needs CLOCK=manual/,
    );
  });

  it('I2: DATA_KEY_SECRET is required in production, at least 32 bytes; a development default otherwise', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET })).toThrow(
      /DATA_KEY_SECRET is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ DATA_KEY_SECRET: 'short' })).toThrow(
      /DATA_KEY_SECRET must be at least 32 bytes/,
    );
    const key = 'k'.repeat(32);
    expect(
      loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET, DATA_KEY_SECRET: key }).dataKeySecret,
    ).toEqual({ secret: key, devDefault: false });
  });

  it('U7: SEAL_INTERVAL_MS is hourly by default, 0 turns the schedule off, other values are milliseconds', () => {
    expect(loadConfig({}).sealIntervalMs).toBe(3_600_000);
    expect(loadConfig({ SEAL_INTERVAL_MS: '0' }).sealIntervalMs).toBe(0);
    expect(loadConfig({ SEAL_INTERVAL_MS: '60000' }).sealIntervalMs).toBe(60_000);
    expect(() => loadConfig({ SEAL_INTERVAL_MS: 'hourly' })).toThrow(/SEAL_INTERVAL_MS must be milliseconds/);
  });
});
