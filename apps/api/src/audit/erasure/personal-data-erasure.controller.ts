/**
 * POST /cases/{id}/personal-data-erasure and POST /complaints/{complaintId}/personal-data-erasure
 * (I2; admin, `{ legalBasis }`): destroys the stream's data key, then records `PersonalDataErased`
 * (a case) or `ComplaintPersonalDataErased` (a complaint's complainant) with its legal basis. From
 * then on its identifiers read as erased on every route, view, export and dossier, for auditors
 * too; every hash chain and seal still verifies (they cover the ciphertext, which stays). For a
 * stream recorded before I2, the event says its old events hold the identifiers in plain text; they
 * are shown erased all the same. Erasing is done once: again is 409 I2_ALREADY_ERASED.
 */
import { randomUUID } from 'node:crypto';
import { applyDecorators, Body, Controller, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  type ApiBodyOptions,
} from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import type { Clock } from '#infra/clock/clock.js';
import { complaintStreamId } from '#domain/complaint/complaint-events.js';
import { caseStreamId } from '#infra/case-stream/case-stream.js';
import { recordedActor } from '#infra/command-handling/handle-command.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { holdsPlainIdentifiers } from '#infra/personal-data/identifier-holders.js';
import { PersonalDataStore } from '#infra/personal-data/personal-data-store.js';
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

const LEGAL_BASIS_BODY: ApiBodyOptions = {
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
};
const ALREADY_ERASED = [
  409,
  'I2_ALREADY_ERASED',
  'The personal data of this case or complaint was erased already.',
] as const;
const NOT_SUPPORTED = [
  503,
  'ERASURE_NOT_SUPPORTED',
  'I2 needs the PostgreSQL or PGlite event store.',
] as const;
/** What can be erased (I2): a case's applicant, a complaint's complainant. */
interface ErasureTarget {
  readonly owner: 'cases/:id' | 'complaints/:complaintId';
  readonly streamId: (id: string) => string;
  readonly erasedType: 'PersonalDataErased' | 'ComplaintPersonalDataErased';
  readonly summary: string;
  readonly answer: string;
  readonly notFound: { readonly code: 'CASE_NOT_FOUND' | 'COMPLAINT_NOT_FOUND'; readonly detail: string };
  readonly tag: string;
}

const CASE: ErasureTarget = {
  owner: 'cases/:id',
  streamId: caseStreamId,
  erasedType: 'PersonalDataErased',
  summary: 'Erase the applicant’s identifiers of a case (I2)',
  answer: '{ caseId, revision, position, events }',
  notFound: { code: 'CASE_NOT_FOUND', detail: 'No case with this id has been registered.' },
  tag: 'cases',
};
const COMPLAINT: ErasureTarget = {
  owner: 'complaints/:complaintId',
  streamId: complaintStreamId,
  erasedType: 'ComplaintPersonalDataErased',
  summary: 'Erase the complainant’s phone of a complaint without a case (I2)',
  answer: '{ complaintId, revision, position, events }',
  notFound: { code: 'COMPLAINT_NOT_FOUND', detail: 'No complaint with this id has been received.' },
  tag: 'complaints (投诉)',
};

/** An erasure route's POST and its OpenAPI: admin only, `{ legalBasis }`, done once. */
function ErasureRoute(target: ErasureTarget): MethodDecorator {
  return applyDecorators(
    Post(`${target.owner}/personal-data-erasure`),
    ApiTags(target.tag),
    ApiOperation({
      summary: target.summary,
      description: `Roles: admin. Destroys the data key and records ${target.erasedType} with its legal basis (个人信息保护法 art. 47).`,
    }),
    ApiBody(LEGAL_BASIS_BODY),
    ApiCreatedResponse({ description: target.answer }),
    ApiProblems(COMMON_PROBLEMS, [
      documentedProblem(404, target.notFound.code, target.notFound.detail),
      documentedProblem(...ALREADY_ERASED),
      documentedProblem(...NOT_SUPPORTED),
    ]),
  );
}

interface Erased {
  readonly revision: number;
  readonly position: string;
  readonly events: unknown[];
}

@ApiBearerAuth()
@Controller()
export class PersonalDataErasureController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ErasureRoute(CASE)
  async erase(@Param('id', IdParamPipe) caseId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    return { caseId, ...(await this.eraseStream(CASE, caseId, body, actor)) };
  }

  @ErasureRoute(COMPLAINT)
  async eraseComplainant(
    @Param('complaintId', IdParamPipe) complaintId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ) {
    return { complaintId, ...(await this.eraseStream(COMPLAINT, complaintId, body, actor)) };
  }

  private async eraseStream(target: ErasureTarget, id: string, body: unknown, actor: Actor): Promise<Erased> {
    if (actor.role !== 'admin')
      throw new ProblemException(
        problems.forbidden(`Erasing personal data is for admins; you are ${actor.role}.`),
      );
    const legalBasis = legalBasisOf(body);
    const store = this.store;
    if (!(store instanceof PersonalDataStore)) throw new ProblemException(titledProblem(...NOT_SUPPORTED));
    const streamId = target.streamId(id);
    const stored = await store.inner.readStream(streamId);
    if (stored.length === 0)
      throw new ProblemException(titledProblem(404, target.notFound.code, target.notFound.detail));
    if (stored.some((e) => e.type === target.erasedType))
      throw new ProblemException(titledProblem(...ALREADY_ERASED));
    await store.erase(streamId, legalBasis);
    const result = await store.append(
      streamId,
      [
        {
          eventId: randomUUID(),
          type: target.erasedType,
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
    return { revision: result.nextRevision, position: result.position, events: [...result.events] };
  }
}
