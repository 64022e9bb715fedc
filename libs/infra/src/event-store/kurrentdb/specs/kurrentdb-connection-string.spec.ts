import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { loadConfig } from '../../../config/app-config.js';
import { InvalidEventStoreUrl, locateEventStore } from '../../create-event-store.js';
import { checkKurrentConnectionString } from '../kurrentdb-connection-string.js';

// Defect 5: EVENT_STORE_URL is checked by the client's own parser, so configuration accepts what
// the client connects to and refuses what it refuses. Each accepted string is also given to the
// real `KurrentDBClient.connectionString` (which parses, and builds its Rust reader, without connecting).

const ACCEPTED = [
  'esdb://n1:2113,n2:2113,n3:2113',
  'esdb://admin:changeit@n1:2113,n2:2113,n3:2113?tls=true&nodePreference=leader',
  'kdb://localhost:2113?tls=false',
  'kurrentdb://localhost:2113?tls=false',
  'kurrentdb+discover://cluster.internal:2113',
  'esdb+discover://cluster.internal:2113',
  'kurrent://db:2113?tlsVerifyCert=false&defaultDeadline=20000',
];

describe('KurrentDB connection strings, defect 5: the client’s own parser decides', () => {
  it.each(ACCEPTED)('accepts %s, as the client does', (url) => {
    expect(checkKurrentConnectionString(url)).toMatchObject({ ok: true });
    expect(locateEventStore(url)).toEqual({ kind: 'kurrentdb', connectionString: url });
    expect(loadConfig({ EVENT_STORE_URL: url }).eventStoreUrl).toBe(url);
    expect(() => KurrentDBClient.connectionString(url.replace(/^esdb/, 'kurrentdb'))).not.toThrow();
  });

  it('reads the cluster form new URL() refuses as three hosts', () => {
    expect(() => new URL('esdb://n1:2113,n2:2113,n3:2113')).toThrow();
    const check = checkKurrentConnectionString('esdb://n1:2113,n2:2113,n3:2113');
    expect(check.ok && check.options.hosts).toEqual([
      { address: 'n1', port: 2113 },
      { address: 'n2', port: 2113 },
      { address: 'n3', port: 2113 },
    ]);
  });

  it('keeps the scheme as written and refuses an upper-case one, which the client’s parser refuses', () => {
    expect(() => KurrentDBClient.connectionString('ESDB://db:2113')).toThrow(/Unexpected "ESDB:\/\/"/);
    const check = checkKurrentConnectionString('ESDB://db:2113');
    expect(check).toMatchObject({ ok: false });
    expect(!check.ok && check.problem).toMatch(/case-sensitive.*esdb:\/\//);
    expect(() => locateEventStore('ESDB://db:2113')).toThrow(InvalidEventStoreUrl);
    expect(() => loadConfig({ EVENT_STORE_URL: 'KurrentDB://db:2113' })).toThrow(/kurrentdb:\/\//);
  });

  it.each([
    ['kurrentdb://db:2113?tls=maybe', /true or false/],
    ['esdb://db:2113?tls=maybe', /at position 19, expected true or false/],
    ['kurrentdb://db:2113?tsl=false', /unknown option "tsl"/],
    ['kurrentdb://db:notaport', /port number/],
    ['kurrentdb://db:2113?throwOnAppendFailure=false', /throwOnAppendFailure=false is not supported/],
  ])('refuses %s with the reason', (url, reason) => {
    const check = checkKurrentConnectionString(url);
    expect(!check.ok && check.problem).toMatch(reason);
    expect(() => loadConfig({ EVENT_STORE_URL: url })).toThrow(reason);
  });

  it('finds the options after the credentials, whose password may hold a "?"', () => {
    expect(checkKurrentConnectionString('kurrentdb://app:p?ss@db:2113?tls=false')).toMatchObject({
      ok: true,
      options: { tls: false, defaultCredentials: { username: 'app', password: 'p?ss' } },
    });
  });

  it('never echoes a password, in the cluster form either', () => {
    const url = 'kurrentdb://admin:s3cret-pw@n1:2113,n2:2113?tls=maybe';
    expect(() => loadConfig({ EVENT_STORE_URL: url })).toThrow(/true or false/);
    expect(() => loadConfig({ EVENT_STORE_URL: url })).not.toThrow(/s3cret-pw/);
    expect(() => locateEventStore(url)).not.toThrow(/s3cret-pw/);
  });
});
