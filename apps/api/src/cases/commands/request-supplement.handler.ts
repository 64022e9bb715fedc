import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { RequestSupplementCommand } from './request-supplement.command.js';

/** N1–N3 are the domain's. */
@CommandHandler(RequestSupplementCommand)
export class RequestSupplementHandler implements ICommandHandler<RequestSupplementCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RequestSupplementCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'RequestSupplement',
      actor: metadata.actor,
      ...commandOptions(body),
      noticeNo: body.noticeNo,
      items: body.items.map((i) => ({
        code: i.code,
        name: i.name,
        problem: i.problem,
        ...(i.note !== undefined && { note: i.note }),
      })),
      ...(body.onlyNewMaterials !== undefined && { onlyNewMaterials: body.onlyNewMaterials }),
    }));
  }
}
