/**
 * An administration command as one declarative row (API.md "Administration"): its PUT route, the
 * body's DTO, who may call it, its OpenAPI, the configuration stream it writes and how the body
 * becomes the domain decider's input. Roles and every rule stay the deciders' (libs/domain): a row
 * only maps. `adminCommandController` (admin-command.controller.ts) turns rows into routes; the one
 * Nest command (AdminCommand, admin-command.ts) carries the decision to the writer.
 */
import type { Type } from '@nestjs/common';
import type { Actor } from '#domain/actor/actor.js';
import type { DecidedEvent, Refusal } from '#infra/command-handling/handle-command.js';
import type { ConfigurationAnswer } from '../command-pipeline/command-answer.js';
import type { DocumentedProblem } from '../openapi/problem-responses.js';
import type { AdminDecider, AdminDecision } from './admin-command.js';

/** How the route's one path parameter becomes the row's key, before the headers are read. */
export interface PathKey<K> {
  /** Checked by IdParamPipe first: 404 for an id that cannot exist. */
  readonly idPipe: boolean;
  readonly read: (text: string) => K;
}

/** The parameter is an id (a center id, a matter code, a subscription id), as it is. */
export const ID_KEY: PathKey<string> = { idPipe: true, read: (id) => id };
/** The route has no parameter (the policy's one stream). */
export const NO_KEY: PathKey<undefined> = { idPipe: false, read: () => undefined };

export interface AdminCommandRow<B extends object, K, I> {
  /** The command's name: an Idempotency-Key is scoped to it (derived-ids.ts). */
  readonly command: string;
  /** The handler's name in OpenAPI's operationId (`CentersController_configure`). */
  readonly method: string;
  /** Relative to the controller's path, with at most one parameter (`:centerId`). */
  readonly route: string;
  readonly key: PathKey<K>;
  readonly dto: Type<B>;
  readonly summary: string;
  readonly roles: string;
  readonly description?: string;
  readonly problems?: readonly DocumentedProblem[];
  /** Schemas the description refers to, listed in the document's components. */
  readonly extraModels?: readonly Type[];
  /** The stream and the decider's input; may refuse the body before anything is read (400). */
  readonly prepare: (body: B, key: K) => { readonly streamId: string; readonly input: I };
  /** The domain's decider; the stream as loaded and the configuration are there for one that reads them. */
  readonly decide: (
    input: I,
    actor: Actor,
    occurredAt: string,
    decision: AdminDecision,
  ) => DecidedEvent | Refusal;
  /** The answer as the caller sees it; the recorded events as they are unless said. */
  readonly answer?: (answer: ConfigurationAnswer) => ConfigurationAnswer;
}

/** The stream and decider of one request, from the body (once validated as the row's DTO). */
export type PreparedCommand = (body: unknown) => { readonly streamId: string; readonly decide: AdminDecider };

/** A row with its types erased: the controller checks the body is an instance of `dto`. */
export interface AdminCommandRoute extends Omit<
  AdminCommandRow<object, unknown, unknown>,
  'key' | 'prepare' | 'decide'
> {
  readonly idPipe: boolean;
  /** Reads the path's text (throws its problem); the rest waits for the headers. */
  readonly open: (pathText: string) => PreparedCommand;
}

export function adminCommand<B extends object, K, I>(row: AdminCommandRow<B, K, I>): AdminCommandRoute {
  const { key, prepare, decide, ...rest } = row;
  return {
    ...rest,
    idPipe: key.idPipe,
    open: (pathText) => {
      const k = key.read(pathText);
      return (body) => {
        if (!(body instanceof row.dto)) throw new Error(`The body of ${row.command} was not validated`);
        const { streamId, input } = prepare(body, k);
        return {
          streamId,
          decide: (decision) => decide(input, decision.actor, decision.occurredAt, decision),
        };
      };
    },
  };
}
