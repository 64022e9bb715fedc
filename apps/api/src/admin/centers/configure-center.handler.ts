import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { centerStreamId } from '#domain/administration/administration-events.js';
import { configureCenter } from '#domain/administration/configure-center.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { AdminWrite } from '../admin-write.js';
import { ConfigureCenterCommand } from './configure-center.command.js';

/** T1: office hours belong to a center; recorded in `center-<id>`. */
@CommandHandler(ConfigureCenterCommand)
export class ConfigureCenterHandler implements ICommandHandler<ConfigureCenterCommand, WriteOutcome> {
  constructor(private readonly admin: AdminWrite) {}

  execute({ centerId, body, metadata }: ConfigureCenterCommand): Promise<WriteOutcome> {
    return this.admin.execute(centerStreamId(centerId), metadata, (actor, occurredAt) =>
      configureCenter(
        {
          centerId,
          name: body.name,
          officeHours: body.officeHours.map((p) => ({ start: p.start, end: p.end })),
          ...(body.localSuspensionTypes !== undefined && { localSuspensionTypes: body.localSuspensionTypes }),
        },
        actor,
        occurredAt,
      ),
    );
  }
}
