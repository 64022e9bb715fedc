/** The problems the views answer with, beside the API's generic ones (problem-details.ts). */
import {
  ProblemException,
  problems,
  type ProblemDetails,
  titledProblem,
} from '../problem/problem-details.js';
import { documentedProblem, type DocumentedProblem } from '../openapi/problem-responses.js';

export const viewProblems = {
  readStoreUnavailable: (): ProblemDetails =>
    titledProblem(503, 'READ_STORE_UNAVAILABLE', 'This process runs without a read store.'),
  projectionLag: (minPosition: string, waitedMs: number): ProblemDetails =>
    titledProblem(
      504,
      'PROJECTION_LAG',
      `The views have not reached position ${minPosition} within ${waitedMs} ms; retry later.`,
    ),
  outOfScope: (detail: string): ProblemDetails => titledProblem(403, 'OUT_OF_SCOPE', detail),
  caseNotFound: (): ProblemDetails =>
    titledProblem(404, 'CASE_NOT_FOUND', 'No case with this id has been registered.'),
};

export const invalidParameter = (field: string, message: string): ProblemException =>
  new ProblemException(problems.validation(`${field} ${message}.`, [{ field, message }]));

export const VIEW_PROBLEMS: readonly DocumentedProblem[] = [
  documentedProblem(403, 'OUT_OF_SCOPE', 'A window of department dept-market reads dept-market only.'),
  documentedProblem(503, 'READ_STORE_UNAVAILABLE', 'This process runs without a read store.'),
  documentedProblem(
    504,
    'PROJECTION_LAG',
    'The views have not reached position 00000000000000000750:00000000000000000012 within 5000 ms; retry later.',
  ),
];
