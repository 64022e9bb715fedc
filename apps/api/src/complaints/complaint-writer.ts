/**
 * Runs a complaint command on `complaint-<id>` through the one write path (StreamWriter): the
 * domain's `decideComplaint` on the folded stream, with the center's calendar and the policy.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ComplaintCommand } from '#domain/complaint/complaint-commands.js';
import { complaintStreamId } from '#domain/complaint/complaint-events.js';
import { decideComplaint } from '#domain/complaint/decide-complaint.js';
import { complaintStateOf } from '#infra/case-stream/complaint-stream.js';
import type { Clock } from '#infra/clock/clock.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { WriteOutcome } from '../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../command-pipeline/command-metadata.js';
import { StreamWriter } from '../command-pipeline/stream-writer.js';
import { CLOCK } from '../runtime/runtime-tokens.js';

@Injectable()
export class ComplaintWriter {
  constructor(
    private readonly writer: StreamWriter,
    private readonly configuration: ConfigurationCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(complaintId: string, metadata: CommandMetadata, command: ComplaintCommand): Promise<WriteOutcome> {
    return this.writer.write({
      streamId: complaintStreamId(complaintId),
      metadata,
      decide: (recorded) => {
        const state = complaintStateOf(recorded);
        const centerId = command.type === 'ReceiveComplaint' ? command.centerId : state.received?.centerId;
        return decideComplaint(command, state, {
          now: this.clock.now(),
          clock: this.configuration.officeClock(centerId),
          policy: this.configuration.policy(),
        });
      },
    });
  }
}
