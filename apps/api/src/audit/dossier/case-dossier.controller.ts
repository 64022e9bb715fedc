/**
 * GET /cases/{id}/dossier (issue 7.5): the case dossier as JSON, or as a printable HTML page when
 * asked with `?format=html` or `Accept: text/html`.
 */
import type { IncomingMessage } from 'node:http';
import accepts from 'accepts';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { checkMinPosition, MinPosition } from '../../cases/queries/min-position.js';
import type { ResponseHeaders } from '../../command-pipeline/answer-response.js';
import { ApiJsonOrTextResponse } from '../../openapi/json-or-text-response.decorator.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblem } from '../../openapi/problem-responses.js';
import { ProblemException, problems } from '../../problem/problem-details.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';
import type { CaseDossier } from './case-dossier.js';
import { caseDossierHtml, HTML_CONTENT_TYPE } from './case-dossier-html.js';
import { CaseDossierSchema } from './case-dossier.schema.js';
import { GetCaseDossierQuery } from './get-case-dossier.query.js';

type DossierFormat = 'json' | 'html';

/** The request as Fastify hands it over: Node's message, whose Accept header is negotiated. */
interface Negotiating {
  readonly raw: IncomingMessage;
}

function formatOf(format: unknown, request: Negotiating): DossierFormat {
  if (format === 'json' || format === 'html') return format;
  if (format !== undefined)
    throw new ProblemException(
      problems.validation('format is json or html.', [{ field: 'format', message: 'must be json or html' }]),
    );
  // HTML only when the Accept header prefers it (RFC 9110 §12.5.1): `text/html;q=0` refuses it,
  // `TEXT/HTML` is the same type; JSON otherwise, also when nothing offered is acceptable.
  // `accepts` is the negotiation Express used: q-values, case, wildcards.
  return accepts(request.raw).type(['application/json', 'text/html']) === 'text/html' ? 'html' : 'json';
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases')
export class CaseDossierController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/dossier')
  @ApiOperation({
    summary:
      'The case dossier: timeline, deadlines, cards, explanations, violations with evidence, integrity',
    description:
      'Roles: auditor, supervisor (own center). JSON by default; a printable HTML page (Chinese) with `?format=html` or `Accept: text/html`. ' +
      'Every card links to the event that set its deadline and its own event; every violation to its evidence. Applicant identifiers are masked unless the reader is an auditor (I1).',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html'], example: 'html' })
  @MinPosition()
  @ApiJsonOrTextResponse({
    description: 'The dossier',
    json: CaseDossierSchema,
    text: { mediaType: 'text/html', example: '<!DOCTYPE html><html lang="zh-CN">…<h1>办件档案</h1>…' },
  })
  @ApiProblems(COMMON_PROBLEMS, [
    documentedProblem(404, 'CASE_NOT_FOUND', 'No case with this id has been registered.'),
  ])
  async dossier(
    @Param('id', IdParamPipe) caseId: string,
    @Query('format') format: unknown,
    @Query('minPosition') minPosition: unknown,
    @Req() request: Negotiating,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CaseDossier | string> {
    checkMinPosition(minPosition);
    const as = formatOf(format, request);
    const dossier = await this.queries.execute(new GetCaseDossierQuery(caseId, actor));
    if (as === 'json') return dossier;
    response.header('Content-Type', HTML_CONTENT_TYPE);
    response.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return caseDossierHtml(dossier);
  }
}
