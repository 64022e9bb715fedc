import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TIMELINESS_POLICY_STREAM } from '#domain/administration/administration-events.js';
import { changeTimelinessPolicy } from '#domain/administration/change-timeliness-policy.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { AdminWrite } from '../admin-write.js';
import { ChangeTimelinessPolicyCommand } from './change-timeliness-policy.command.js';

/** C7: a new policy version in `policy-timeliness`; cards already issued keep the version they name. */
@CommandHandler(ChangeTimelinessPolicyCommand)
export class ChangeTimelinessPolicyHandler implements ICommandHandler<
  ChangeTimelinessPolicyCommand,
  WriteOutcome
> {
  constructor(
    private readonly admin: AdminWrite,
    private readonly configuration: ConfigurationCache,
  ) {}

  execute({ body, metadata }: ChangeTimelinessPolicyCommand): Promise<WriteOutcome> {
    return this.admin.execute(TIMELINESS_POLICY_STREAM, metadata, (actor, occurredAt, recorded) =>
      changeTimelinessPolicy(
        {
          version: body.version,
          warningLeads: body.warningLeads.map((r) => ({
            maxLimitDays: r.maxLimitDays,
            leadDays: r.leadDays,
          })),
          immediateWarningLeadMinutes: body.immediateWarningLeadMinutes,
          redAfterOverdueDays: body.redAfterOverdueDays,
          explanationDays: body.explanationDays,
          supplementNoticeDays: body.supplementNoticeDays,
          referralFollowUpDays: body.referralFollowUpDays,
          complaintDays: body.complaintDays,
          rectificationDays: body.rectificationDays,
          ...(body.callbackDays !== undefined && { callbackDays: body.callbackDays }),
          ...(body.appealDays !== undefined && { appealDays: body.appealDays }),
          publicCriticism: {
            consecutiveLate: body.publicCriticism.consecutiveLate,
            withinDays: body.publicCriticism.withinDays,
          },
        },
        // The stream just read is authoritative; the cache adds the built-in default's version.
        [
          ...this.configuration.knownPolicyVersions(),
          ...recorded.map((e) => (e.data as { version: string }).version),
        ],
        actor,
        occurredAt,
      ),
    );
  }
}
