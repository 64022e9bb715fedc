/**
 * GET /cases/{id}, "the case now", as both of its controllers answer it: from the projector's view
 * (views/case-view) or rebuilt from the events (case-from-events.controller.ts, and the view's
 * fallback for a case it has not caught up with). Either way the revision goes out as the ETag.
 */
import type { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import type { ResponseHeaders } from '../../command-pipeline/answer-response.js';
import { CaseView } from './case-view.js';
import { GetCaseStateQuery } from './read-case-query.js';

/** The 200 of GET /cases/{id}: the case, and its revision as the ETag. */
export const ApiCaseNowResponse = (): MethodDecorator =>
  ApiOkResponse({
    type: CaseView,
    headers: {
      ETag: { description: 'The case’s revision, for If-Match', schema: { type: 'string', example: '"5"' } },
    },
  });

/** The case's revision as the ETag, which a client passes back in If-Match to make a command conditional. */
export function withRevisionETag<V extends { readonly revision: number }>(
  response: ResponseHeaders,
  view: V,
): V {
  response.header('ETag', `"${view.revision}"`);
  return view;
}

/** The case now, rebuilt from its events (404 CASE_NOT_FOUND when it has none), with its ETag. */
export async function caseNowFromEvents(
  queries: QueryBus,
  caseId: string,
  reader: Actor,
  response: ResponseHeaders,
): Promise<CaseView> {
  const view = await queries.execute(new GetCaseStateQuery(caseId, reader, undefined, 'view'));
  return withRevisionETag(response, view);
}
