/**
 * The query parameters every view route shares (API.md "Queries", "Lists"): `limit` (default 50,
 * max 500) as the rest of the API reads it, `cursor`, `minPosition`, and the scope filters
 * centerId, departmentId and windowId, documented and read in one place.
 */
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, type ApiQueryOptions } from '@nestjs/swagger';
import { DEFAULT_LIMIT, MAX_LIMIT, readPageRequest } from '../cases/queries/list-page.js';
import { ApiProblems, COMMON_PROBLEMS } from '../openapi/problem-responses.js';
import { VIEW_PROBLEMS } from './view-problems.js';
import { optionalId } from './view-query-parameters.js';
import type { ScopeFilters } from './view-scope.js';

export function pageLimit(limit: unknown): number {
  return readPageRequest(limit, undefined).limit;
}

type ScopeName = keyof ScopeFilters;

/** The scope filters a view documents, each with its example. */
export const SCOPE_QUERY: Readonly<Record<ScopeName, ApiQueryOptions>> = {
  centerId: { name: 'centerId', example: 'center-1' },
  departmentId: { name: 'departmentId', example: 'dept-market' },
  windowId: { name: 'windowId', example: 'win-3' },
};

/** `limit` and `cursor` of a paged view. */
export const PAGE_QUERY: readonly ApiQueryOptions[] = [
  { name: 'limit', description: `1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}` },
  { name: 'cursor', description: 'nextCursor of the previous page' },
];

const MIN_POSITION: ApiQueryOptions = {
  name: 'minPosition',
  description: 'Wait until the view has applied this position',
};

/**
 * The OpenAPI of a view route: its query parameters in the order given (optional unless they say
 * `required: true`), then minPosition, its answer and the problems of every view.
 */
export function ViewRoute(answer: Type, queries: readonly ApiQueryOptions[]): MethodDecorator {
  const decorators = [
    ...[...queries, MIN_POSITION].map((q) => ApiQuery({ required: false, ...q })),
    ApiOkResponse({ type: answer }),
    ApiProblems(COMMON_PROBLEMS, VIEW_PROBLEMS),
  ];
  // As if written one above the other: TypeScript applies a method's decorators bottom up.
  return applyDecorators(...decorators.reverse());
}

/** The scope filters asked for in the query, each an id (VALIDATION_FAILED otherwise). */
export function askedScope(query: Record<string, unknown>, names: readonly ScopeName[]): ScopeFilters {
  return Object.fromEntries(names.map((name) => [name, optionalId(name, query[name])]));
}
