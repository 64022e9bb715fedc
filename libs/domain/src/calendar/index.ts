/** The working-day calendar and office time (T1–T4, T6, T7, T11): each module's whole surface. */
export * from './calendar-types.js';
export * from './shanghai-time.js';
export * from './built-in-notices.js';
export * from './calendar-version.js';
export * from './year-notice-validation.js';
export * from './create-working-calendar.js';
export * from './office-hours.js';
export * from './office-time.js';
