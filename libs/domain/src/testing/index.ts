/** The domain's test kit: fixtures, case histories made by the real decider, decider specifications. */
export * from './fixtures.js';
export * from './case-history.js';
export * from './decider-spec.js';
