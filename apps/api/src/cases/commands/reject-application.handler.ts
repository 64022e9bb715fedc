import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { RejectApplicationCommand } from './reject-application.command.js';

/** N4: missing reasons reach the domain as none, which refuses them. */
@CommandHandler(RejectApplicationCommand)
export class RejectApplicationHandler implements ICommandHandler<RejectApplicationCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RejectApplicationCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'RejectApplication',
      actor: metadata.actor,
      ...commandOptions(body),
      noticeNo: body.noticeNo,
      reasons: body.reasons ?? [],
      ...(body.competentAuthority !== undefined && { competentAuthority: body.competentAuthority }),
      ...(body.outsideCompetence !== undefined && { outsideCompetence: body.outsideCompetence }),
    }));
  }
}
