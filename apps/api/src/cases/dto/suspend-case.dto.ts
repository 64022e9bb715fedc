import { STATUTORY_SUSPENSION_TYPES } from '#domain/case/case-events.js';
import { NumberField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

/** T6: type, reason, the time needed as told to the applicant, and when the applicant was told in writing. */
export class SuspendCaseDto extends CommandOptionsDto {
  @TextField({
    maxLength: 40,
    description: `A type of art. 45 (${STATUTORY_SUSPENSION_TYPES.join(', ')}) or a local type the center allows (localSuspensionTypes; flagged LOCAL_SUSPENSION). Otherwise 422 T6_SUSPENSION_TYPE_NOT_ALLOWED.`,
    example: 'expert_review',
  })
  type!: string;

  @TextField({ optional: true, example: '需组织专家评审' })
  reason?: string;

  @NumberField({
    integer: true,
    optional: true,
    description: 'T6: working days needed, as told to the applicant in writing (1–365); required',
    example: 10,
  })
  expectedDays?: number;

  @TextField({ optional: true, maxLength: 40, example: '2026-03-03T10:00:00+08:00' })
  applicantNotifiedAt?: string;
}
