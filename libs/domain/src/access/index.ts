export * from './read-scope.js';
