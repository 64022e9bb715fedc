/**
 * T14, in one place: every count of working days (a matter's limit, an extension, a policy's days)
 * is a year's at most, so no deadline lands where it cannot be read back; an immediate matter's
 * limit and its warning lead, in office minutes, are a week's at most (T3).
 */
export const MAX_LIMIT_DAYS = 365;
export const MAX_IMMEDIATE_MINUTES = 7 * 24 * 60;

/** The least count T14 allows: a limit, an extension or a policy's days is at least one. */
export const MIN_COUNT = 1;

/** T14: `n` is a whole number from 1 to `max` (MAX_LIMIT_DAYS, or MAX_IMMEDIATE_MINUTES for a lead). */
export const isBoundedCount = (n: number, max: number): boolean =>
  Number.isInteger(n) && n >= MIN_COUNT && n <= max;

/** What a count out of T14's bounds is told, naming the field (the domain's refusal and the API's 400). */
export const boundedCountRule = (field: string, max: number): string =>
  `${field} is a whole number from ${MIN_COUNT} to ${max} (T14)`;
