/**
 * RFC 9457 problem details as API.md "Conventions" fixes them: `{ type, title (Chinese), status,
 * detail (English), code, errors? }`, served as `application/problem+json`. `type` is a stable URI
 * derived from the code, so clients may switch on either.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://docs.example/problems/';

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
    problem(400, 'VALIDATION_FAILED', '请求参数不合法', detail, errors),
  malformedJson: (detail: string): ProblemDetails =>
    problem(400, 'VALIDATION_FAILED', '请求体不是合法的JSON', detail),
  unauthenticated: (detail: string): ProblemDetails =>
    problem(401, 'UNAUTHENTICATED', '未登录或登录已失效', detail),
  forbidden: (detail: string): ProblemDetails => problem(403, 'ROLE_NOT_ALLOWED', '无权执行该操作', detail),
  notFound: (detail: string): ProblemDetails => problem(404, 'NOT_FOUND', '资源不存在', detail),
  methodNotAllowed: (detail: string): ProblemDetails =>
    problem(405, 'METHOD_NOT_ALLOWED', '不支持的请求方法', detail),
  concurrentModification: (detail: string): ProblemDetails =>
    problem(409, 'CONCURRENT_MODIFICATION', '办件已被他人修改，请刷新后重试', detail),
  preconditionFailed: (detail: string): ProblemDetails =>
    problem(412, 'PRECONDITION_FAILED', '办件已变更，请刷新后重试', detail),
  payloadTooLarge: (detail: string): ProblemDetails =>
    problem(413, 'PAYLOAD_TOO_LARGE', '请求体过大', detail),
  unsupportedMediaType: (detail: string): ProblemDetails =>
    problem(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求格式', detail),
  internal: (): ProblemDetails =>
    problem(500, 'INTERNAL', '服务器内部错误', 'An unexpected error occurred; it has been logged.'),
  unavailable: (detail: string): ProblemDetails => problem(503, 'UNAVAILABLE', '服务暂不可用', detail),
};
