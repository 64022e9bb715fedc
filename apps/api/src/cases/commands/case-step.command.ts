/**
 * The one Nest command of every case step (the case-step table, evaluations, public routes) and its
 * handler: the command carries the domain command, built on the stream as loaded, so a new step
 * needs a row, a DTO and its domain function. The handler passes `decide` what it reads as data
 * (now, the center's office calendar, the policy in force, the matter an application names); every
 * rule and the role and scope matrix stay the domain's (decide.ts, authorize.ts).
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { authorize } from '#domain/case/authorize.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseState } from '#domain/case/case-state.js';
import { decide } from '#domain/case/decide.js';
import { caseStateOf, caseStreamId } from '#infra/case-stream/case-stream.js';
import type { Clock } from '#infra/clock/clock.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import { StreamWriter } from '../../command-pipeline/stream-writer.js';
import { CLOCK } from '../../runtime/runtime-tokens.js';

export interface LoadedCase {
  readonly recorded: readonly RecordedEvent[];
  readonly state: CaseState;
}

export class CaseStepCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly metadata: CommandMetadata,
    readonly build: (loaded: LoadedCase) => CaseCommand,
    /** The case id was just drawn at random: no stream to read (RegisterInquiry, F1). */
    readonly options: { readonly knownNew?: boolean } = {},
  ) {
    super();
  }
}

@CommandHandler(CaseStepCommand)
export class CaseStepHandler implements ICommandHandler<CaseStepCommand, WriteOutcome> {
  constructor(
    private readonly writer: StreamWriter,
    private readonly configuration: ConfigurationCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ caseId, metadata, build, options }: CaseStepCommand): Promise<WriteOutcome> {
    const load = (recorded: readonly RecordedEvent[]) => {
      const state = caseStateOf(recorded);
      const command = build({ recorded, state });
      const matter =
        command.type === 'SubmitApplication' ? this.configuration.matter(command.matterCode) : undefined;
      return { state, command, matter };
    };
    return this.writer.write({
      streamId: caseStreamId(caseId),
      metadata,
      ...(options.knownNew && { knownNew: true }),
      // R1 before a keyed retry is answered (finding 5): the same check decide makes first.
      authorize: (recorded) => {
        const { state, command, matter } = load(recorded);
        return authorize(command, state, matter?.departmentId);
      },
      decide: (recorded) => {
        const { state, command, matter } = load(recorded);
        const centerId = command.type === 'RegisterInquiry' ? command.centerId : state.centerId;
        const local =
          centerId !== undefined ? this.configuration.center(centerId)?.localSuspensionTypes : undefined;
        return decide(command, state, {
          now: this.clock.now(),
          clock: this.configuration.officeClock(centerId),
          policy: this.configuration.policy(),
          ...(matter !== undefined && { matter }),
          ...(local !== undefined && { localSuspensionTypes: local }),
        });
      },
    });
  }
}
