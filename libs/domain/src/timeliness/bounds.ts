/**
 * T14, in one place: every count of working days (a matter's limit, an extension, a policy's days)
 * is a year's at most, so no deadline lands where it cannot be read back; an immediate matter's
 * limit and its warning lead, in office minutes, are a week's at most (T3).
 */
export const MAX_LIMIT_DAYS = 365;
export const MAX_IMMEDIATE_MINUTES = 7 * 24 * 60;
