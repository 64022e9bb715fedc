/**
 * The error answers of a route, documented with their codes and an example each (API.md "Errors").
 * Codes that share a status are listed in one response, each as a named example.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDetailsSchema } from './recorded-event.schema.js';

export interface DocumentedProblem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
}

const P = (status: number, code: string, title: string, detail: string): DocumentedProblem => ({
  status,
  code,
  title,
  detail,
});

/** Answers every authenticated route can give. */
export const COMMON_PROBLEMS: readonly DocumentedProblem[] = [
  P(400, 'VALIDATION_FAILED', '请求参数不合法', 'The request does not have the documented shape.'),
  P(401, 'UNAUTHENTICATED', '未登录或登录已失效', 'Send Authorization: Bearer <JWT>.'),
  P(403, 'ROLE_NOT_ALLOWED', '无权执行该操作', "Role 'auditor' may not issue this command."),
  P(500, 'INTERNAL', '服务器内部错误', 'An unexpected error occurred; it has been logged.'),
];

/** Answers of every command route (API.md "Conventions"). */
export const COMMAND_PROBLEMS: readonly DocumentedProblem[] = [
  ...COMMON_PROBLEMS,
  P(
    403,
    'OUT_OF_SCOPE',
    '超出职责范围',
    'The case belongs to department dept-tax; a window of department dept-market may not act on it.',
  ),
  P(404, 'CASE_NOT_FOUND', '办件不存在', 'No case with this id has been registered.'),
  P(
    409,
    'CONCURRENT_MODIFICATION',
    '办件已被他人修改，请刷新后重试',
    'case-… was changed by another command while this one was decided.',
  ),
  P(
    409,
    'ILLEGAL_TRANSITION',
    '当前办件状态不允许该操作',
    "A case in state 'completed' does not allow a completion.",
  ),
  P(
    412,
    'PRECONDITION_FAILED',
    '办件已变更，请刷新后重试',
    'If-Match names revision 2, but case-… is at revision 3.',
  ),
  P(413, 'PAYLOAD_TOO_LARGE', '请求体过大', 'Request bodies are limited to 65536 bytes.'),
  P(
    422,
    'U2_LATE_ENTRY_REASON_REQUIRED',
    '补录须说明理由',
    'An entry more than 10 minutes in the past is a back-dated entry (补录) and needs lateEntryReason (U2).',
  ),
  P(422, 'U2_OCCURRED_IN_FUTURE', '业务时间不能晚于当前时间', 'occurredAt lies in the future (U2).'),
  P(
    422,
    'U2_OCCURRED_BEFORE_PREVIOUS_STEP',
    '业务时间早于上一环节',
    "occurredAt is earlier than the case's previous step.",
  ),
];

export function ApiProblems(...lists: readonly (readonly DocumentedProblem[])[]): MethodDecorator {
  const byStatus = new Map<number, DocumentedProblem[]>();
  for (const p of lists.flat()) {
    const list = byStatus.get(p.status) ?? [];
    if (!list.some((q) => q.code === p.code)) list.push(p);
    byStatus.set(p.status, list);
  }
  return applyDecorators(
    ...[...byStatus.entries()].map(([status, list]) =>
      ApiResponse({
        status,
        description: `application/problem+json; code: ${list.map((p) => p.code).join(', ')}`,
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/ProblemDetailsSchema' },
            examples: Object.fromEntries(
              list.map((p) => [
                p.code,
                {
                  summary: p.title,
                  value: {
                    type: `/problems/${p.code}`,
                    title: p.title,
                    status: p.status,
                    detail: p.detail,
                    code: p.code,
                  },
                },
              ]),
            ),
          },
        },
      }),
    ),
  );
}

export { ProblemDetailsSchema, P as documentedProblem };
