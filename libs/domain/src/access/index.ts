export * from './read-scope.js';
export * from './reader-roles.js';
