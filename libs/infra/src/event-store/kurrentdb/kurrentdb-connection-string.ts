import {
  parseConnectionString,
  type ConnectionOptions,
  type QueryOptions,
} from '@kurrent/kurrentdb-client/dist/Client/parseConnectionString.js';

/**
 * EVENT_STORE_URL for EventStoreDB/KurrentDB, checked by the client's own parser (the one
 * `KurrentDBClient.connectionString` runs), so configuration accepts exactly what the client
 * connects to: the cluster form `esdb://n1:2113,n2:2113,n3:2113` that `new URL()` refuses,
 * `kdb://`, and schemes as written (the client's parser is case-sensitive).
 */

/** The client's schemes (parseConnectionString.js); `esdb` ones print a deprecation warning. */
export const KURRENT_SCHEMES = [
  'kurrentdb',
  'kurrentdb+discover',
  'kurrent',
  'kurrent+discover',
  'kdb',
  'kdb+discover',
  'esdb',
  'esdb+discover',
] as const;

/** Every query option the client knows; the compiler checks this list against the client's type. */
const QUERY_OPTIONS: Record<keyof QueryOptions, true> = {
  userCertFile: true,
  userKeyFile: true,
  maxDiscoverAttempts: true,
  connectionName: true,
  defaultDeadline: true,
  discoveryInterval: true,
  gossipTimeout: true,
  nodePreference: true,
  tls: true,
  tlsVerifyCert: true,
  tlsCAFile: true,
  throwOnAppendFailure: true,
  keepAliveInterval: true,
  keepAliveTimeout: true,
};
// The client matches option names ignoring case, '-' and '_'.
const flat = (key: string): string => key.trim().toLowerCase().replace(/[_-]/g, '');
const KNOWN_OPTIONS = new Set(Object.keys(QUERY_OPTIONS).map(flat));

export type KurrentConnectionCheck =
  | { readonly ok: true; readonly options: ConnectionOptions }
  | { readonly ok: false; readonly problem: string };

/** Whether `url` names EventStoreDB at all (its scheme, in any case). */
export function isKurrentUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme !== undefined && (KURRENT_SCHEMES as readonly string[]).includes(scheme);
}

/** Checks a connection string as the client will read it; the problem never echoes a password. */
export function checkKurrentConnectionString(url: string): KurrentConnectionCheck {
  const text = url.trim();
  const scheme = /^([^:]+):\/\//.exec(text)?.[1];
  if (scheme !== undefined && scheme !== scheme.toLowerCase() && isKurrentUrl(text)) {
    return fail(text, `the scheme is case-sensitive for the client: write ${scheme.toLowerCase()}://`);
  }
  // The options follow the hosts; a password may hold a '?', never an '@'.
  const queryStart = text.indexOf('?', text.indexOf('@') + 1);
  const query = queryStart < 0 ? '' : text.slice(queryStart + 1);
  for (const pair of query === '' ? [] : query.split('&')) {
    const key = pair.split('=')[0];
    if (!KNOWN_OPTIONS.has(flat(key)))
      return fail(
        text,
        `unknown option "${key}" (the client would ignore it); it knows ${Object.keys(QUERY_OPTIONS).join(', ')}`,
      );
  }
  let shift = 0;
  try {
    // The same grammar without the `esdb` warning: the client prints it once, when it connects.
    const quiet = text.replace(/^esdb(\+discover)?:\/\//, 'kurrentdb$1://');
    shift = quiet.length - text.length;
    const options = parseConnectionString(quiet);
    // With it false, a refused append resolves instead of throwing: conflicts would pass unseen.
    if (options.throwOnAppendFailure === false)
      return fail(
        text,
        'throwOnAppendFailure=false is not supported: the store relies on failed appends throwing',
      );
    return { ok: true, options };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Positions in the string as written, not in the quiet copy.
    return fail(
      text,
      message.replace(/at position (\d+)/, (_, at: string) => `at position ${Number(at) - shift}`),
    );
  }
}

function fail(url: string, reason: string): KurrentConnectionCheck {
  return {
    ok: false,
    problem: redactKurrentUrl(
      `EVENT_STORE_URL ${JSON.stringify(url)} is not an EventStoreDB connection string the client accepts: ${reason}. ` +
        'Example: kurrentdb://admin:changeit@n1:2113,n2:2113,n3:2113?tls=true (a dev server started --insecure needs ?tls=false).',
      url,
    ),
  };
}

/** Replaces the password of `url`, wherever it appears in `text` (the parser's messages quote the input). */
export function redactKurrentUrl(text: string, url: string): string {
  const password = /^[^:]+:\/\/[^:@/]+:([^@]+)@/.exec(url.trim())?.[1];
  return password ? text.split(password).join('***') : text;
}
