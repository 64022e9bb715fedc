/**
 * The error answers of a route, documented with their codes and an example each (API.md "Errors").
 * Codes that share a status are listed in one response, each as a named example.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { titleOf, type ProblemCode } from '../problem/api-problem-catalog.js';
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
  K(400, 'VALIDATION_FAILED', 'The request does not have the documented shape.'),
  K(401, 'UNAUTHENTICATED', 'Send Authorization: Bearer <JWT>.'),
  K(403, 'ROLE_NOT_ALLOWED', "Role 'auditor' may not issue this command."),
  K(500, 'INTERNAL', 'An unexpected error occurred; it has been logged.'),
];

/** Answers of every command route (API.md "Conventions"). */
export const COMMAND_PROBLEMS: readonly DocumentedProblem[] = [
  ...COMMON_PROBLEMS,
  K(
    403,
    'OUT_OF_SCOPE',
    'The matter belongs to department dept-tax; a window of department dept-market may not receive it.',
  ),
  K(404, 'CASE_NOT_FOUND', 'No case with this id has been registered.'),
  K(409, 'CONCURRENT_MODIFICATION', 'case-… was changed by another command while this one was decided.'),
  K(409, 'ILLEGAL_TRANSITION', "A case in state 'completed' does not allow a completion."),
  K(412, 'PRECONDITION_FAILED', 'If-Match names revision 2, but case-… is at revision 3.'),
  K(413, 'PAYLOAD_TOO_LARGE', 'Request bodies are limited to 65536 bytes.'),
  K(
    422,
    'U2_LATE_ENTRY_REASON_REQUIRED',
    'An entry more than 10 minutes in the past is a back-dated entry (补录) and needs lateEntryReason (U2).',
  ),
  K(422, 'U2_OCCURRED_IN_FUTURE', 'occurredAt lies in the future (U2).'),
  K(422, 'U2_OCCURRED_BEFORE_PREVIOUS_STEP', "occurredAt is earlier than the case's previous step."),
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

/** A problem of the domain's or the API's catalog: its title is the catalog's, never written here. */
function K(status: number, code: ProblemCode, detail: string): DocumentedProblem {
  return P(status, code, titleOf(code), detail);
}

export { ProblemDetailsSchema, K as documentedProblem };

/** Problems of one status, each a code with its example detail (titles from the catalogs, as above). */
export function documentedProblems(
  status: number,
  details: readonly (readonly [code: ProblemCode, detail: string])[],
): DocumentedProblem[] {
  return details.map(([code, detail]) => K(status, code, detail));
}
