/**
 * The write path of administration commands: the configuration stream is loaded and the pure
 * administration decider decides (libs/domain/src/administration, catalog/define-matter.ts); the
 * recorded events are applied to this process's configuration cache at once, so the next case
 * command sees them (other processes follow through the subscription).
 */
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '#domain/actor/actor.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import type { Clock } from '#infra/clock/clock.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { WriteOutcome } from '../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../command-pipeline/command-metadata.js';
import type { DecidedEvent, Refusal } from '#infra/command-handling/handle-command.js';
import { StreamWriter } from '../command-pipeline/stream-writer.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { CLOCK } from '../runtime/runtime-tokens.js';

export type AdminDecider = (
  actor: Actor,
  occurredAt: string,
  recorded: readonly RecordedEvent[],
) => DecidedEvent | Refusal;

@Injectable()
export class AdminWrite {
  constructor(
    private readonly writer: StreamWriter,
    private readonly configuration: ConfigurationCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(streamId: string, metadata: CommandMetadata, decider: AdminDecider): Promise<WriteOutcome> {
    const outcome = await this.writer.write({
      streamId,
      metadata,
      decide: (recorded) => {
        const result = decider(metadata.actor, toShanghaiIso(this.clock.now()), recorded);
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
