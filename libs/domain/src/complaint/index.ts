export * from './complaint-events.js';
export * from './complaint-commands.js';
export * from './complaint-state.js';
export * from './decide-complaint.js';
export * from './complaint-violations.js';
export * from './complaint-access.js';
