import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import { detectViolations } from '#domain/accountability/detect-violations.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { idempotencyScope } from '../../command-pipeline/command-metadata.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { RecordAccountabilityActionCommand } from './record-accountability-action.command.js';

/** A3: the violations the case's events prove (A1) are detected here from the loaded stream and handed to the decider. */
@CommandHandler(RecordAccountabilityActionCommand)
export class RecordAccountabilityActionHandler implements ICommandHandler<
  RecordAccountabilityActionCommand,
  WriteOutcome
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RecordAccountabilityActionCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    const scope = idempotencyScope(metadata);
    const actionId = derivedEntityId(scope, 'accountability-action', caseId);
    return this.executor.execute(caseId, metadata, ({ recorded }) => ({
      type: 'RecordAccountabilityAction',
      actor: metadata.actor,
      ...commandOptions(body),
      actionId,
      violationId: body.violationId,
      action: body.action,
      note: body.note ?? '',
      knownViolationIds: detectViolations(recorded.map(toCaseEvent)).map((v) => v.violationId),
    }));
  }
}
