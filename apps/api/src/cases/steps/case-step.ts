/**
 * A case step as one declarative row (API.md "Case commands"): its route under /cases, the body's
 * DTO, who may call it, its OpenAPI summary and how the body becomes the domain's `CaseCommand`.
 * The refusals a route documents are the domain's list for its command (COMMAND_REFUSALS); roles,
 * scope and every rule stay the domain's (decide.ts, authorize.ts): a row only maps.
 * `caseStepController` (case-step.controller.ts) turns rows into routes; the one Nest command
 * (CaseStepCommand) carries the domain command to the writer.
 */
import type { Type } from '@nestjs/common';
import type { Actor } from '#domain/actor/actor.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import { COMMAND_REFUSALS, type CommandRefusal } from '#domain/case/command-refusals.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { LoadedCase } from '../commands/case-step.command.js';
import type { CommandOptionsDto } from '../dto/command-options.dto.js';
import { defined } from '../../support/defined.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A domain command without what every step adds: the token's actor and the body's U2 options. */
export type StepCommand = DistributiveOmit<CaseCommand, 'actor' | 'occurredAt' | 'lateEntryReason'>;

/** The path of a step: the case id, a second id (card, complaint) and an ordinal (suspension, evaluation). */
export interface StepPath {
  readonly id: string;
  /** `:cardId` or `:complaintId`; '' when the route has none. */
  readonly ref: string;
  /** `:n`, 1 for the first; 0 when the route has none. */
  readonly n: number;
}

export interface StepInput<B> {
  readonly caseId: string;
  readonly path: StepPath;
  readonly body: B;
  readonly metadata: CommandMetadata;
  /** The stream as loaded for this decision (decided again after a lost race). */
  readonly loaded: LoadedCase;
}

export interface CaseStepRow<C extends CaseCommand['type'], B extends CommandOptionsDto> {
  readonly command: C;
  /** Relative to /cases; `:id` the case, `:cardId`/`:complaintId` a second id, `:n` an ordinal. */
  readonly route: string;
  readonly dto: Type<B>;
  readonly summary: string;
  readonly roles: string;
  readonly description?: string;
  readonly build: (input: StepInput<B>) => StepCommand & { readonly type: C };
  /** A step that creates its case names it before loading (F1: new, or derived from the retry key). */
  readonly newCase?: (metadata: CommandMetadata) => { readonly caseId: string; readonly knownNew: boolean };
  /** The handler's name in OpenAPI's operationId; the command's, lower-cased first, unless said. */
  readonly method?: string;
}

/** A row with its body's type erased: the controller checks the body is an instance of `dto`. */
export interface CaseStep extends Omit<
  CaseStepRow<CaseCommand['type'], CommandOptionsDto>,
  'build' | 'method'
> {
  /** The refusals this step can answer beyond every command's: the domain's list (COMMAND_REFUSALS). */
  readonly refuses: readonly CommandRefusal[];
  readonly method: string;
  /** The domain command; throws when `body` is not of the row's DTO (never, after validation). */
  readonly build: (input: StepInput<unknown>, actor: Actor) => CaseCommand;
}

export function caseStep<C extends CaseCommand['type'], B extends CommandOptionsDto>(
  row: CaseStepRow<C, B>,
): CaseStep {
  const { build, method, ...rest } = row;
  return {
    ...rest,
    refuses: COMMAND_REFUSALS[row.command],
    method: method ?? row.command.charAt(0).toLowerCase() + row.command.slice(1),
    build: (input, actor) => {
      const body = input.body;
      if (!(body instanceof row.dto)) throw new Error(`The body of ${row.command} was not validated`);
      return { ...build({ ...input, body }), actor, ...commandOptions(body) };
    },
  };
}

/**
 * The body's fields as the command's (the DTOs name them as the domain does), absent ones left
 * out; a row adds what the path gives and, before them, the defaults of texts the rule requires
 * (absent reaches the domain as empty, which refuses it with the rule's code).
 */
export function fields<B extends CommandOptionsDto>(body: B): Omit<B, keyof CommandOptionsDto> {
  const { occurredAt: _occurredAt, lateEntryReason: _reason, ...rest } = body;
  return defined(rest);
}

/** U2: business time and the reason for a back-dated entry, as every command may carry them. */
export function commandOptions(body: CommandOptionsDto): { occurredAt?: string; lateEntryReason?: string } {
  return defined({ occurredAt: body.occurredAt, lateEntryReason: body.lateEntryReason });
}
