import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { catalogStreamId, defineMatter } from '#domain/catalog/define-matter.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { AdminWrite } from '../admin-write.js';
import { DefineMatterCommand } from './define-matter.command.js';

/** The catalog (T3, T5, T7): each matter in `catalog-<code>`, a new definition replacing the last. */
@CommandHandler(DefineMatterCommand)
export class DefineMatterHandler implements ICommandHandler<DefineMatterCommand, WriteOutcome> {
  constructor(private readonly admin: AdminWrite) {}

  execute({ code, body, metadata }: DefineMatterCommand): Promise<WriteOutcome> {
    return this.admin.execute(catalogStreamId(code), metadata, (actor, occurredAt) =>
      defineMatter(
        {
          code,
          name: body.name,
          departmentId: body.departmentId,
          kind: body.kind,
          promisedLimitDays: body.promisedLimitDays,
          ...(body.statutoryLimitDays !== undefined && { statutoryLimitDays: body.statutoryLimitDays }),
          ...(body.maxExtensionDays !== undefined && { maxExtensionDays: body.maxExtensionDays }),
          ...(body.immediateLimitMinutes !== undefined && {
            immediateLimitMinutes: body.immediateLimitMinutes,
          }),
          ...(body.joint !== undefined && { joint: body.joint }),
          requiredMaterials: body.requiredMaterials.map((m) => ({ code: m.code, name: m.name })),
        },
        actor,
        occurredAt,
      ),
    );
  }
}
