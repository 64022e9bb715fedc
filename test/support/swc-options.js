// How the tests compile TypeScript, in jest (@swc/jest) and in the child processes they start
// (test/projector/support/swc-loader.mjs) alike: types stripped, decorators kept with their
// metadata (NestJS reads it), ES modules (NestJS 12 is ESM-only).
export const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};
