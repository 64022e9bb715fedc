export * from './case-events.js';
export * from './case-commands.js';
export * from './case-state.js';
export * from './decision-context.js';
export * from './authorize.js';
export * from './decide.js';
export * from './evolve.js';
export * from './may-read.js';
