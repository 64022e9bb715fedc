import type { CommandAnswer, ConfigurationAnswer, WriteOutcome } from './command-answer.js';

export interface ResponseHeaders {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/** API.md: 201 (200 for a replay) with `ETag: "<revision>"`. */
export function answerCommand(
  response: ResponseHeaders,
  outcome: WriteOutcome,
  caseId: string,
): CommandAnswer {
  response.status(outcome.replayed ? 200 : 201);
  response.setHeader('ETag', `"${outcome.revision}"`);
  return { caseId, revision: outcome.revision, position: outcome.position, events: outcome.events };
}

export function answerConfiguration(response: ResponseHeaders, outcome: WriteOutcome): ConfigurationAnswer {
  response.status(outcome.replayed ? 200 : 201);
  response.setHeader('ETag', `"${outcome.revision}"`);
  return {
    streamId: outcome.streamId,
    revision: outcome.revision,
    position: outcome.position,
    events: outcome.events,
  };
}
