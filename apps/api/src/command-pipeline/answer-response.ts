import type { Actor } from '#domain/actor/actor.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { dataAsSeenBy } from '../audit/personal-data.js';
import type { CommandAnswer, ConfigurationAnswer, WriteOutcome } from './command-answer.js';

/** The part of Fastify's reply a route sets its status and headers through. */
export interface ResponseHeaders {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}

/** API.md: 201 when something was recorded, 200 when nothing new was, with `ETag: "<revision>"`. */
export function answerStatus(response: ResponseHeaders, recordedNew: boolean, revision: number): void {
  response.status(recordedNew ? 201 : 200);
  response.header('ETag', `"${revision}"`);
}

/**
 * API.md: 201 (200 for a replay) with `ETag: "<revision>"`. The recorded events come back as the
 * writer may read them: applicant identifiers masked unless the writer is an auditor (I1), exactly
 * as GET /cases/{id} and /events show them to the same role.
 */
export function answerCommand(
  response: ResponseHeaders,
  outcome: WriteOutcome,
  caseId: string,
  writer: Actor,
): CommandAnswer {
  answerStatus(response, !outcome.replayed, outcome.revision);
  const events = outcome.events.map((e): RecordedEvent => ({ ...e, data: dataAsSeenBy(e, writer) }));
  return { caseId, revision: outcome.revision, position: outcome.position, events };
}

/**
 * 201 when the command recorded an event; 200 when it recorded nothing: a replay, or a definition
 * identical to the one in force (re-putting a matter unchanged), answered with the current revision.
 * The events come back as the writer may read them (I1: a complainant masked unless an auditor).
 */
export function answerConfiguration(
  response: ResponseHeaders,
  outcome: WriteOutcome,
  writer: Actor,
): ConfigurationAnswer {
  answerStatus(response, !outcome.replayed && outcome.events.length > 0, outcome.revision);
  return {
    streamId: outcome.streamId,
    revision: outcome.revision,
    position: outcome.position,
    events: outcome.events.map((e): RecordedEvent => ({ ...e, data: dataAsSeenBy(e, writer) })),
  };
}
