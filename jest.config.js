// Jest in ESM mode (NestJS 12 is ESM-only); @swc/jest strips types and keeps decorator metadata.
import { SWC_OPTIONS } from './test/support/swc-options.js';

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', SWC_OPTIONS],
    // @fastify/static (CommonJS) requires content-disposition 3, an ES module; Node 20 loads it
    // (require of ESM), Jest before Node 24.9 does not, so Jest gets it compiled to CommonJS.
    '/content-disposition/dist/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?content-disposition/dist/)'],
  moduleNameMapper: {
    '^#domain/(.*)\\.js$': '<rootDir>/libs/domain/src/$1',
    '^#infra/(.*)\\.js$': '<rootDir>/libs/infra/src/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/', '/data/'],
  testTimeout: 60000,
  // Most suites wait on servers and child processes (PostgreSQL, FerretDB, chromium), so two workers
  // on two cores halve the run; the kill -9 suite alone takes about ten minutes on one of them.
  maxWorkers: 2,
  // The longest suites first, so they run beside the rest rather than after them (a fresh clone has
  // no times for Jest to sort by).
  testSequencer: '<rootDir>/test/support/longest-first.sequencer.js',
};
