/**
 * POST /cases/{id}/personal-data-erasure and POST /complaints/{complaintId}/personal-data-erasure
 * (I2; admin, `{ legalBasis }`): the domain's `decideErasure` decides on the stream (admin only,
 * once, with a legal basis); then the stream's data key is destroyed and `PersonalDataErased` (a
 * case) or `ComplaintPersonalDataErased` (a complaint's complainant) recorded through the one write
 * path, so Idempotency-Key, If-Match and a lost race behave as for any command. From then on the
 * identifiers read as erased on every route, view, export and dossier, for auditors too; every
 * hash chain and seal still verifies (they cover the ciphertext, which stays). The key goes first
 * (the write path's `beforeAppend`, once the decision is to record):
 * if recording then fails, a retry finds nothing recorded, destroys nothing more and records.
 */
import { applyDecorators, Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { toShanghaiIso } from '#domain/calendar/index.js';
import { complaintStreamId } from '#domain/complaint/complaint-events.js';
import { decideErasure, type ErasePersonalData } from '#domain/privacy/erase-personal-data.js';
import { caseStreamId } from '#infra/case-stream/case-stream.js';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { holdsPlainIdentifiers } from '#infra/personal-data/identifier-holders.js';
import { PersonalDataStore } from '#infra/personal-data/personal-data-store.js';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import { answerCommand } from '../../command-pipeline/answer-response.js';
import type { CommandAnswer } from '../../command-pipeline/command-answer.js';
import { StreamWriter } from '../../command-pipeline/stream-writer.js';
import { catalogProblem } from '../../openapi/catalog-problems.js';
import { CommandRoute } from '../../openapi/command-route.decorator.js';
import { documentedProblem } from '../../openapi/problem-responses.js';
import { ProblemException, titledProblem } from '../../problem/problem-details.js';
import { CLOCK, EVENT_STORE } from '../../runtime/runtime-tokens.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';
import { ErasureDto } from './erasure.dto.js';

const NOT_SUPPORTED = [
  503,
  'ERASURE_NOT_SUPPORTED',
  'I2 needs the PostgreSQL or PGlite event store.',
] as const;

/** What can be erased (I2): a case's applicant, a complaint's complainant. */
interface ErasureTarget {
  readonly owner: 'cases/:id' | 'complaints/:complaintId';
  readonly subject: ErasePersonalData['subject'];
  readonly streamId: (id: string) => string;
  readonly erasedType: 'PersonalDataErased' | 'ComplaintPersonalDataErased';
  readonly summary: string;
  readonly notFound: 'CASE_NOT_FOUND' | 'COMPLAINT_NOT_FOUND';
  readonly tag: string;
}

const CASE: ErasureTarget = {
  owner: 'cases/:id',
  subject: 'case',
  streamId: caseStreamId,
  erasedType: 'PersonalDataErased',
  summary: 'Erase the applicant’s identifiers of a case (I2)',
  notFound: 'CASE_NOT_FOUND',
  tag: 'cases',
};
const COMPLAINT: ErasureTarget = {
  owner: 'complaints/:complaintId',
  subject: 'complaint',
  streamId: complaintStreamId,
  erasedType: 'ComplaintPersonalDataErased',
  summary: 'Erase the complainant’s phone of a complaint without a case (I2)',
  notFound: 'COMPLAINT_NOT_FOUND',
  tag: 'complaints (投诉)',
};

/** An erasure route's POST and its OpenAPI: admin only, `{ legalBasis }`, done once. */
function ErasureRoute(target: ErasureTarget): MethodDecorator {
  return applyDecorators(
    Post(`${target.owner}/personal-data-erasure`),
    ApiTags(target.tag),
    CommandRoute({
      summary: target.summary,
      roles: 'admin',
      description: `Destroys the data key and records ${target.erasedType} with its legal basis (个人信息保护法 art. 47).`,
      problems: [
        catalogProblem(target.notFound, `No ${target.subject} has this id.`),
        catalogProblem(
          'I2_ALREADY_ERASED',
          `The personal data of this ${target.subject} was erased already.`,
        ),
        catalogProblem('I2_LEGAL_BASIS_REQUIRED', 'I2: an erasure states its legal basis.'),
        documentedProblem(...NOT_SUPPORTED),
      ],
    }),
  );
}

/** A command's answer (API.md "Conventions"), under the id its route names. */
type Erased = Omit<CommandAnswer, 'caseId'>;

@Controller()
export class PersonalDataErasureController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly writer: StreamWriter,
  ) {}

  @ErasureRoute(CASE)
  async erase(
    @Param('id', IdParamPipe) id: string,
    @Body() body: ErasureDto,
    @CurrentCall() call: CommandCall,
  ) {
    return { caseId: id, ...(await this.eraseStream(CASE, id, body, call)) };
  }

  @ErasureRoute(COMPLAINT)
  async eraseComplainant(
    @Param('complaintId', IdParamPipe) id: string,
    @Body() body: ErasureDto,
    @CurrentCall() call: CommandCall,
  ) {
    return { complaintId: id, ...(await this.eraseStream(COMPLAINT, id, body, call)) };
  }

  private async eraseStream(
    target: ErasureTarget,
    id: string,
    body: ErasureDto,
    call: CommandCall,
  ): Promise<Erased> {
    // Only the SQL stores keep data keys; the role and the rest are refused first all the same.
    const keys = this.store instanceof PersonalDataStore ? this.store : undefined;
    const streamId = target.streamId(id);
    const command: ErasePersonalData = {
      type: 'ErasePersonalData',
      subject: target.subject,
      legalBasis: body.legalBasis,
      occurredAt: toShanghaiIso(this.clock.now()),
      actor: call.actor,
    };
    const outcome = await this.writer.write({
      streamId,
      metadata: call.metadata(command.type, body),
      decide: async (stored) =>
        decideErasure(command, {
          exists: stored.length > 0,
          erased: stored.some((e) => e.type === target.erasedType),
          // As stored, not as this store decrypts them: ciphertext or the plain text of before I2.
          plainIdentifiers:
            keys !== undefined &&
            stored.length > 0 &&
            holdsPlainIdentifiers(await keys.inner.readStream(streamId)),
        }),
      // The key goes before the event that says it went; a decision that refuses destroys nothing.
      beforeAppend: async ([erased]) => {
        if (!keys) throw new ProblemException(titledProblem(...NOT_SUPPORTED));
        await keys.erase(streamId, erased.data.legalBasis);
      },
    });
    const { revision, position, events } = answerCommand(call.response, outcome, id, call.actor);
    return { revision, position, events };
  }
}
