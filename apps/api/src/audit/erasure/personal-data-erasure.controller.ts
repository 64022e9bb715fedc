/**
 * POST /cases/{id}/personal-data-erasure (I2; admin, `{ legalBasis }`): destroys the case's data
 * key, then records `PersonalDataErased` with its legal basis. From then on its identifiers read as
 * erased on every route, view, export and dossier, for auditors too; every hash chain and seal
 * still verifies (they cover the ciphertext, which stays). For a case recorded before I2, the event
 * says its old events hold the identifiers in plain text; they are shown erased all the same.
 * Erasing is done once: again is 409 I2_ALREADY_ERASED.
 */
import { randomUUID } from 'node:crypto';
import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import type { Clock } from '#infra/clock/clock.js';
import { caseStreamId } from '#infra/case-stream/case-stream.js';
import { recordedActor } from '#infra/command-handling/handle-command.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { PersonalDataStore, holdsPlainIdentifiers } from '#infra/personal-data/personal-data-store.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblem } from '../../openapi/problem-responses.js';
import { ProblemException, problems, titledProblem } from '../../problem/problem-details.js';
import { CLOCK, EVENT_STORE } from '../../runtime/runtime-tokens.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';

const MAX_LEGAL_BASIS = 500;

function legalBasisOf(body: unknown): string {
  const fail = (message: string): never => {
    throw new ProblemException(
      problems.validation(`legalBasis ${message}.`, [{ field: 'legalBasis', message }]),
    );
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('is required');
  const unknown = Object.keys(body).filter((k) => k !== 'legalBasis');
  if (unknown.length > 0)
    throw new ProblemException(
      problems.validation(`Unknown field ${unknown[0]}.`, [
        { field: unknown[0], message: 'is not a field of this command' },
      ]),
    );
  const { legalBasis } = body as { legalBasis?: unknown };
  if (typeof legalBasis !== 'string' || legalBasis.trim().length === 0)
    return fail('is required (I2: the legal basis of the erasure)');
  if (legalBasis.length > MAX_LEGAL_BASIS) return fail(`must be at most ${MAX_LEGAL_BASIS} characters`);
  return legalBasis.trim();
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class PersonalDataErasureController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/personal-data-erasure')
  @ApiOperation({
    summary: 'Erase the applicant’s identifiers of a case (I2)',
    description:
      'Roles: admin. Destroys the case’s data key and records PersonalDataErased with its legal basis (个人信息保护法 art. 47).',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['legalBasis'],
      properties: {
        legalBasis: {
          type: 'string',
          maxLength: MAX_LEGAL_BASIS,
          example: '保存期限届满（个人信息保护法第四十七条）',
        },
      },
    },
  })
  @ApiCreatedResponse({ description: '{ caseId, revision, position, events }' })
  @ApiProblems(COMMON_PROBLEMS, [
    documentedProblem(404, 'CASE_NOT_FOUND', 'No case with this id has been registered.'),
    documentedProblem(409, 'I2_ALREADY_ERASED', 'The personal data of this case was erased already.'),
    documentedProblem(503, 'ERASURE_NOT_SUPPORTED', 'I2 needs the PostgreSQL or PGlite event store.'),
  ])
  async erase(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<{ caseId: string; revision: number; position: string; events: unknown[] }> {
    if (actor.role !== 'admin')
      throw new ProblemException(
        problems.forbidden(`Erasing personal data is for admins; you are ${actor.role}.`),
      );
    const legalBasis = legalBasisOf(body);
    const store = this.store;
    if (!(store instanceof PersonalDataStore))
      throw new ProblemException(
        titledProblem(503, 'ERASURE_NOT_SUPPORTED', 'I2 needs the PostgreSQL or PGlite event store.'),
      );
    const streamId = caseStreamId(caseId);
    const stored = await store.inner.readStream(streamId);
    if (stored.length === 0)
      throw new ProblemException(
        titledProblem(404, 'CASE_NOT_FOUND', 'No case with this id has been registered.'),
      );
    if (stored.some((e) => e.type === 'PersonalDataErased'))
      throw new ProblemException(
        titledProblem(409, 'I2_ALREADY_ERASED', 'The personal data of this case was erased already.'),
      );
    await store.erase(streamId, legalBasis);
    const result = await store.append(
      streamId,
      [
        {
          eventId: randomUUID(),
          type: 'PersonalDataErased',
          schemaVersion: 1,
          occurredAt: this.clock.now(),
          actor: recordedActor(actor),
          correlationId: randomUUID(),
          causationId: null,
          data: { legalBasis, plainIdentifiersInOldEvents: holdsPlainIdentifiers(stored) },
        },
      ],
      'any',
    );
    return { caseId, revision: result.nextRevision, position: result.position, events: [...result.events] };
  }
}
