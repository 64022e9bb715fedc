export * from './mask-applicant.js';
export * from './erase-personal-data.js';
