/** The problems the views answer with, beside the API's generic ones (problem-details.ts). */
import { problem, ProblemException, problems, type ProblemDetails } from '../problem/problem-details.js';
import { documentedProblem, type DocumentedProblem } from '../openapi/problem-responses.js';

export const viewProblems = {
  readStoreUnavailable: (): ProblemDetails =>
    problem(503, 'READ_STORE_UNAVAILABLE', '读库不可用', 'This process runs without a read store.'),
  projectionLag: (minPosition: string, waitedMs: number): ProblemDetails =>
    problem(
      504,
      'PROJECTION_LAG',
      '数据同步中，请稍后重试',
      `The views have not reached position ${minPosition} within ${waitedMs} ms; retry later.`,
    ),
  outOfScope: (detail: string): ProblemDetails => problem(403, 'OUT_OF_SCOPE', '超出职责范围', detail),
  caseNotFound: (): ProblemDetails =>
    problem(404, 'CASE_NOT_FOUND', '办件不存在', 'No case with this id has been registered.'),
};

export const invalidParameter = (field: string, message: string): ProblemException =>
  new ProblemException(problems.validation(`${field} ${message}.`, [{ field, message }]));

export const VIEW_PROBLEMS: readonly DocumentedProblem[] = [
  documentedProblem(
    403,
    'OUT_OF_SCOPE',
    '超出职责范围',
    'A window of department dept-market reads dept-market only.',
  ),
  documentedProblem(503, 'READ_STORE_UNAVAILABLE', '读库不可用', 'This process runs without a read store.'),
  documentedProblem(
    504,
    'PROJECTION_LAG',
    '数据同步中，请稍后重试',
    'The views have not reached position 00000000000000000750:00000000000000000012 within 5000 ms; retry later.',
  ),
];
