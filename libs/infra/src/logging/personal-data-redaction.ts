/**
 * I1: no log line ever holds an applicant's ID number or phone, whatever a logged object carries
 * (finding 2: pg's errors carry the query's parameters, i.e. the whole event JSON). So logs are
 * redacted by value — every string is scanned for ID numbers and phone numbers — besides the
 * known key paths; errors are logged as class, code and message only (never a driver's
 * parameters, detail or query); and every object is copied with cycles cut, so a logged error is
 * always serialised (finding 10: "unable to serialize, circular reference").
 */
export const REDACTED = '[I1 redacted]';

/** Keys whose values are personal data or secrets, wherever they appear. */
const SECRET_KEYS = new Set(['idnumber', 'phone', 'authorization', 'handlerphone', 'password']);

/**
 * 18-character ID numbers (17 digits and a check digit), 15-digit old ones, mobile numbers (with
 * or without +86), and landlines with an area code; each also as people write them, grouped by
 * single spaces or hyphens (`110101 19900307 123X`, `0571 8800 1234`). Bounded by non-digits, so
 * positions (20 digits) and millisecond times (13) are left alone.
 */
const ID_NUMBER = String.raw`\d(?:[- ]?\d){16}[- ]?[\dXx]|\d(?:[- ]?\d){14}`;
const MOBILE = String.raw`(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}`;
const LANDLINE = String.raw`0\d{2,3}[- ]?(?:\d{7,8}|\d{3,4}[- ]\d{4})`;
const PERSONAL_NUMBERS = new RegExp(
  `(?<![0-9A-Za-z])(?:${ID_NUMBER})(?![0-9A-Za-z])|(?<!\\d)(?:${MOBILE}|${LANDLINE})(?!\\d)`,
  'g',
);

export function redactText(text: string): string {
  return text.replace(PERSONAL_NUMBERS, REDACTED);
}

/** Driver fields that echo what was sent (pg: parameters, detail, where, query; mongodb: command). */
const ERROR_FIELDS = ['code', 'errorLabels', 'codeName'] as const;

/** An error as a log may show it: its class, code and message, and its stack (all redacted). */
export function safeError(error: Error): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.constructor?.name ?? 'Error',
    message: redactText(String(error.message)),
  };
  for (const field of ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (typeof error.stack === 'string')
    out.stack = redactText(error.stack.split('\n').slice(0, 12).join('\n'));
  if (error.cause instanceof Error) out.cause = safeError(error.cause);
  return out;
}

const MAX_DEPTH = 12;

/** A copy of `value` safe to log: strings redacted, secret keys censored, errors reduced, cycles cut. */
export function redactValue(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return safeError(value);
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
    if (value instanceof Date) return value.toISOString();
    if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[key] = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : redactValue(item, seen, depth + 1);
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * The pino options every process logs with: the log object copied through `redactValue`, the
 * message redacted by value, errors under `err` reduced to `safeError`.
 */
export const redactingLogOptions = {
  formatters: {
    log: (object: Record<string, unknown>): Record<string, unknown> =>
      redactValue(object) as Record<string, unknown>,
  },
  serializers: {
    err: (error: unknown): unknown => (error instanceof Error ? safeError(error) : redactValue(error)),
  },
  hooks: {
    logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void): void {
      method.apply(
        this,
        args.map((a) => (typeof a === 'string' ? redactText(a) : a)),
      );
    },
  },
};
