/**
 * The one Nest command of every administration PUT (the admin-command table, admin-commands.ts) and
 * its handler, the write path of configuration: the stream is loaded and the row's pure decider
 * decides (libs/domain/src/administration, catalog/define-matter.ts, notification/subscription.ts);
 * the recorded events are applied to this process's configuration cache at once, so the next case
 * command sees them (other processes follow through the subscription).
 */
import { isDeepStrictEqual } from 'node:util';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '#domain/actor/actor.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import type { Clock } from '#infra/clock/clock.js';
import type { DecidedEvent, Refusal } from '#infra/command-handling/handle-command.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { WriteOutcome } from '../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../command-pipeline/command-metadata.js';
import { StreamWriter } from '../command-pipeline/stream-writer.js';
import { CLOCK } from '../runtime/runtime-tokens.js';

/** What a decision reads: the caller, now in Asia/Shanghai, the stream as loaded and the configuration. */
export interface AdminDecision {
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly recorded: readonly RecordedEvent[];
  readonly configuration: ConfigurationCache;
}

export type AdminDecider = (decision: AdminDecision) => DecidedEvent | Refusal;

export class AdminCommand extends Command<WriteOutcome> {
  constructor(
    readonly streamId: string,
    readonly metadata: CommandMetadata,
    readonly decide: AdminDecider,
  ) {
    super();
  }
}

@CommandHandler(AdminCommand)
export class AdminCommandHandler implements ICommandHandler<AdminCommand, WriteOutcome> {
  constructor(
    private readonly writer: StreamWriter,
    private readonly configuration: ConfigurationCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ streamId, metadata, decide }: AdminCommand): Promise<WriteOutcome> {
    const outcome = await this.writer.write({
      streamId,
      metadata,
      decide: (recorded) => {
        const occurredAt = toShanghaiIso(this.clock.now());
        const result = decide({
          actor: metadata.actor,
          occurredAt,
          recorded,
          configuration: this.configuration,
        });
        if ('kind' in result) return result;
        // The definition in force, put again unchanged, records nothing (answered 200, its revision).
        return unchanged(result, recorded) ? [] : [result];
      },
    });
    this.configuration.applyAll(outcome.events);
    return outcome;
  }
}

/** The decided event says exactly what the stream's last event says (JSON as stored, key order aside). */
function unchanged(decided: DecidedEvent, recorded: readonly RecordedEvent[]): boolean {
  const last = recorded[recorded.length - 1];
  return (
    last !== undefined &&
    last.type === decided.type &&
    isDeepStrictEqual(last.data, JSON.parse(JSON.stringify(decided.data)) as unknown)
  );
}
