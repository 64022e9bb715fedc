export * from './matter.js';
export * from './define-matter.js';
