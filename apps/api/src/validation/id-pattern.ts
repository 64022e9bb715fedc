/**
 * The one format of every id the API takes, in a path, a query or a body (a case, card, complaint,
 * center, department, window, matter or material code): a letter or digit, then letters, digits
 * and `. _ : -`, at most 100 characters. The case id's own format (case-stream.ts) is this one.
 */
export { CASE_ID_PATTERN as ID_PATTERN } from '#infra/case-stream/case-stream.js';
