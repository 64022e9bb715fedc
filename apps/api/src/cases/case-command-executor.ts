/**
 * Runs a case command: the stream writer loads `case-<id>`, this class gathers what the decider
 * reads as data (now from the clock port, the calendar with the case's center's office hours, the
 * policy in force, the matter an application names) and calls the domain's `decide`, which
 * enforces every rule and the role and scope matrix (authorize.ts). No rule lives here.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseState } from '#domain/case/case-state.js';
import { authorize } from '#domain/case/authorize.js';
import { decide } from '#domain/case/decide.js';
import type { Clock } from '#infra/clock/clock.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { WriteOutcome } from '../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../command-pipeline/command-metadata.js';
import { StreamWriter } from '../command-pipeline/stream-writer.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { CLOCK } from '../runtime/runtime-tokens.js';
import { caseStateOf, caseStreamId } from '#infra/case-stream/case-stream.js';

export interface LoadedCase {
  readonly recorded: readonly RecordedEvent[];
  readonly state: CaseState;
}

@Injectable()
export class CaseCommandExecutor {
  constructor(
    private readonly writer: StreamWriter,
    private readonly configuration: ConfigurationCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(
    caseId: string,
    metadata: CommandMetadata,
    command: (loaded: LoadedCase) => CaseCommand,
    options: { readonly knownNew?: boolean } = {},
  ): Promise<WriteOutcome> {
    return this.writer.write({
      streamId: caseStreamId(caseId),
      metadata,
      ...(options.knownNew && { knownNew: true }),
      // R1 before a keyed retry is answered (finding 5): the same check decide makes first.
      authorize: (recorded) => {
        const state = caseStateOf(recorded);
        const cmd = command({ recorded, state });
        const matter =
          cmd.type === 'SubmitApplication' ? this.configuration.matter(cmd.matterCode) : undefined;
        return authorize(cmd, state, matter?.departmentId);
      },
      decide: (recorded) => {
        const state = caseStateOf(recorded);
        const cmd = command({ recorded, state });
        const matter =
          cmd.type === 'SubmitApplication' ? this.configuration.matter(cmd.matterCode) : undefined;
        const centerId = cmd.type === 'RegisterInquiry' ? cmd.centerId : state.centerId;
        const local =
          centerId !== undefined ? this.configuration.center(centerId)?.localSuspensionTypes : undefined;
        return decide(cmd, state, {
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
