export * from './notification.js';
export * from './case-facts.js';
export * from './recipients.js';
export * from './notifications-of.js';
export * from './subscription.js';
