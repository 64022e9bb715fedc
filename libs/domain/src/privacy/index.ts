export * from './mask-applicant.js';
