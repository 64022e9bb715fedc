/**
 * The domain's test kit: fixtures, case and complaint histories made by the real deciders, decider
 * specifications.
 */
export * from './fixtures.js';
export * from './case-history.js';
export * from './decider-spec.js';
export * from './complaint-history.js';
export * from './seeded-random.js';
