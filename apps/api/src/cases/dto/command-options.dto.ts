import { TextField } from '../../validation/dto-field.decorators.js';

/** What every command may carry (API.md "Conventions", U2). */
export class CommandOptionsDto {
  @TextField({
    optional: true,
    maxLength: 40,
    description:
      "Business time of the step (ISO-8601 with offset); default now, or the case's last step when the clock is behind it. Over 10 minutes past needs lateEntryReason (U2).",
    example: '2026-03-02T09:15:00+08:00',
  })
  occurredAt?: string;

  @TextField({
    optional: true,
    maxLength: 500,
    description:
      'Why the step is entered late (补录), required when occurredAt is over 10 minutes past (U2).',
    example: '系统故障，事后补录',
  })
  lateEntryReason?: string;
}
