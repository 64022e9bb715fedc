/**
 * RFC 9457 problem details as API.md "Conventions" fixes them: `{ type, title (Chinese), status,
 * detail (English), code, errors? }`, served as `application/problem+json`. `type` is the URL of
 * the code's page on the API itself (`/problems/{code}`, relative to the API's origin: no token
 * needed), so clients may switch on either.
 */
import { REFUSAL_CATALOG } from '#domain/errors/refusal-catalog.js';
import { titleOf, type ProblemCode } from './api-problem-catalog.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = '/problems/';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: readonly FieldError[],
): ProblemDetails {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title,
    status,
    detail,
    code,
    ...(errors !== undefined && errors.length > 0 && { errors }),
  };
}

/** A problem titled from its catalog (the domain's or the API's own, api-problem-catalog.ts). */
export const titledProblem = (
  status: number,
  code: ProblemCode,
  detail: string,
  errors?: readonly FieldError[],
): ProblemDetails => problem(status, code, titleOf(code), detail, errors);
const own = titledProblem;

/** Thrown anywhere in the API to answer with exactly this problem. */
export class ProblemException extends Error {
  override readonly name = 'ProblemException';
  constructor(readonly problem: ProblemDetails) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
  }
}

/** The generic problems of the API, each with its stable code (API.md, lead's decisions). */
export const problems = {
  validation: (detail: string, errors?: readonly FieldError[]): ProblemDetails =>
    problem(400, 'VALIDATION_FAILED', REFUSAL_CATALOG.VALIDATION_FAILED.title, detail, errors),
  malformedJson: (detail: string): ProblemDetails =>
    problem(400, 'VALIDATION_FAILED', '请求体不是合法的JSON', detail), // a title of VALIDATION_FAILED's (catalog)
  unauthenticated: (detail: string): ProblemDetails => own(401, 'UNAUTHENTICATED', detail),
  forbidden: (detail: string): ProblemDetails =>
    problem(403, 'ROLE_NOT_ALLOWED', REFUSAL_CATALOG.ROLE_NOT_ALLOWED.title, detail),
  notFound: (detail: string): ProblemDetails => own(404, 'NOT_FOUND', detail),
  methodNotAllowed: (detail: string): ProblemDetails => own(405, 'METHOD_NOT_ALLOWED', detail),
  concurrentModification: (detail: string): ProblemDetails => own(409, 'CONCURRENT_MODIFICATION', detail),
  preconditionFailed: (detail: string): ProblemDetails => own(412, 'PRECONDITION_FAILED', detail),
  payloadTooLarge: (detail: string): ProblemDetails => own(413, 'PAYLOAD_TOO_LARGE', detail),
  unsupportedMediaType: (detail: string): ProblemDetails => own(415, 'UNSUPPORTED_MEDIA_TYPE', detail),
  headersTooLarge: (detail: string): ProblemDetails => own(431, 'REQUEST_HEADERS_TOO_LARGE', detail),
  internal: (): ProblemDetails => own(500, 'INTERNAL', 'An unexpected error occurred; it has been logged.'),
  unavailable: (detail: string): ProblemDetails => own(503, 'UNAVAILABLE', detail),
  appendOutcomeUnknown: (detail: string): ProblemDetails => own(503, 'APPEND_OUTCOME_UNKNOWN', detail),
};
