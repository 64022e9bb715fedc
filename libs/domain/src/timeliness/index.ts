export * from './timeliness-policy.js';
export * from './assess-timeliness.js';
export * from './public-criticism.js';
export * from './validate-policy.js';
export * from './overdue-bound.js';
