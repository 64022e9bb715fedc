/**
 * The seals of the store (U7; API.md "Queries": /audit/seals…): seal now (auditor, admin), list
 * (newest first), verify the store against them, and export one as a printable page (auditor).
 */
import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import type { Seal, SealVerification } from '#infra/seals/seal.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import { problemOf } from '../../command-pipeline/stream-writer.js';
import { CommandRoute } from '../../openapi/command-route.decorator.js';
import { answerStatus, type ResponseHeaders } from '../../command-pipeline/answer-response.js';
import { cursorFor, readPageRequest } from '../../cases/queries/list-page.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblem } from '../../openapi/problem-responses.js';
import { ProblemException, problems, titledProblem } from '../../problem/problem-details.js';
import { HTML_CONTENT_TYPE } from '../dossier/case-dossier-html.js';
import { sealExportHtml } from './seal-export-html.js';
import { SealSchema, SealsPageSchema, SealVerificationSchema } from './seal.schema.js';
import { SealsService } from './seals.service.js';
import { assertReads } from '../../auth/assert-reads.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const NOT_SUPPORTED = documentedProblem(
  503,
  'SEALS_NOT_SUPPORTED',
  'Seals (U7) need the PostgreSQL or PGlite event store.',
);

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/seals')
export class SealsController {
  constructor(private readonly seals: SealsService) {}

  @Post()
  @CommandRoute({
    summary: 'Seal the store now (U7)',
    roles: 'auditor, admin',
    description:
      'Records a seal in the stream `seals`: an SM3 Merkle root over the head (revision, hash) of every stream, chained to the previous seal. No body. ETag and If-Match name the revision of the stream `seals`.',
    answer: SealSchema,
    problems: [NOT_SUPPORTED],
  })
  async seal(@CurrentCall() call: CommandCall): Promise<Seal> {
    assertReads(call.actor, 'sealing');
    const answer = await this.seals.sealOnRequest(call.metadata('SealStore'));
    if (answer.kind !== 'sealed') throw new ProblemException(problemOf(answer));
    answerStatus(call.response, !answer.replayed, answer.seal.revision);
    return answer.seal;
  }

  @Get()
  @ApiOperation({ summary: 'The seals, newest first (U7)', description: 'Roles: auditor.' })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ type: SealsPageSchema })
  @ApiProblems(COMMON_PROBLEMS, [NOT_SUPPORTED])
  async list(
    @Query('limit') limit: unknown,
    @Query('cursor') cursor: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: Seal[]; nextCursor: string | null }> {
    assertReads(actor, 'seals');
    const page = readPageRequest(limit, cursor);
    const all = await this.seals.list();
    // Newest first: the cursor names the revision to start below-or-at.
    const from = cursor === undefined ? Number.POSITIVE_INFINITY : page.fromRevision;
    const items = all.filter((s) => s.revision <= from).slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        last !== undefined && last.revision > 0 && items.length === page.limit
          ? cursorFor(last.revision - 1)
          : null,
    };
  }

  @Get('verification')
  @ApiOperation({
    summary: 'Verify the store against its seals (U7)',
    description:
      'Roles: auditor. Names every stream missing, truncated or altered since a seal, with the sealed and found revisions, and problems of the seals themselves (streamId `seals`). Reads every event: it grows with the store.',
  })
  @ApiOkResponse({ type: SealVerificationSchema })
  @ApiProblems(COMMON_PROBLEMS, [NOT_SUPPORTED])
  verification(@CurrentActor() actor: Actor): Promise<SealVerification> {
    assertReads(actor, 'seals');
    return this.seals.verify();
  }

  @Get(':sealId/export')
  @ApiOperation({
    summary: 'A seal as a printable page, for anchoring outside the system (U7)',
    description: 'Roles: auditor. text/html (Chinese), with every digest needed to check it later.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProblems(COMMON_PROBLEMS, [
    NOT_SUPPORTED,
    documentedProblem(404, 'SEAL_NOT_FOUND', 'No seal has this id.'),
  ])
  async export(
    @Param('sealId') sealId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<string> {
    assertReads(actor, 'seals');
    if (!UUID.test(sealId))
      throw new ProblemException(
        problems.validation('sealId is the UUID of a seal.', [
          { field: 'sealId', message: 'must be a UUID' },
        ]),
      );
    const seal = await this.seals.find(sealId);
    if (!seal) throw new ProblemException(titledProblem(404, 'SEAL_NOT_FOUND', `No seal has id ${sealId}.`));
    response.header('Content-Type', HTML_CONTENT_TYPE);
    response.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return sealExportHtml(seal);
  }
}
