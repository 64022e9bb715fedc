export * from './violation.js';
export * from './detect-violations.js';
export * from './window-ledger.js';
export * from './detection-step.js';
