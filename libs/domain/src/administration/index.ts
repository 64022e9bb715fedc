export * from './administration-events.js';
export * from './administration-error.js';
export * from './configure-center.js';
export * from './publish-calendar-year.js';
export * from './change-timeliness-policy.js';
export * from './administration-decider.js';
