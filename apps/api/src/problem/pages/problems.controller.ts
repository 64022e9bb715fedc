/**
 * GET /problems/{code} (API.md "Conventions"): the page a problem's `type` points to, without a
 * token: the rule, what was wrong and how to fix it, in Chinese and English. An unknown code is 404.
 */
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '../../auth/public-route.decorator.js';
import type { ResponseHeaders } from '../../command-pipeline/answer-response.js';
import { HTML_CONTENT_TYPE } from '../../audit/dossier/case-dossier-html.js';
import { ApiProblems, documentedProblem } from '../../openapi/problem-responses.js';
import { ProblemException, problems } from '../problem-details.js';
import { problemCodes, problemEntry, problemPageHtml } from './problem-page.js';

@ApiTags('problems')
@Controller('problems')
export class ProblemsController {
  @Get(':code')
  @PublicRoute()
  @ApiOperation({
    summary: 'The page of a problem code (the `type` of every problem+json answer)',
    description: 'No token. Chinese and English: the rule, what was wrong, how to fix it.',
  })
  @ApiParam({ name: 'code', example: 'N3_REPEATED_NOTICE', enum: problemCodes() })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'A short HTML page',
    content: { 'text/html': { schema: { type: 'string' }, example: '<!doctype html>…违反一次性告知…' } },
  })
  @ApiProblems([documentedProblem(404, 'NOT_FOUND', 'No problem has the code NOPE.')])
  page(@Param('code') code: string, @Res({ passthrough: true }) response: ResponseHeaders): string {
    const entry = problemEntry(code);
    if (!entry)
      throw new ProblemException(problems.notFound(`No problem has the code ${code.slice(0, 60)}.`));
    response.header('Content-Type', HTML_CONTENT_TYPE);
    response.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return problemPageHtml(code, entry);
  }
}
