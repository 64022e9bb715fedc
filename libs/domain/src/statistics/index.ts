export * from './service-statistics.js';
export * from './evaluation-rates.js';
export * from './rankings.js';
export * from './complaint-count.js';
