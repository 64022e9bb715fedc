export * from './service-statistics.js';
