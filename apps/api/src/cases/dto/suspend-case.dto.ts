import { EnumField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export const SUSPENSION_TYPES = [
  'hearing',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
  'site_survey',
  'public_notice',
] as const;

/** T6: type, reason and the time the applicant was told in writing. */
export class SuspendCaseDto extends CommandOptionsDto {
  @EnumField(SUSPENSION_TYPES, { example: 'site_survey' })
  type!: (typeof SUSPENSION_TYPES)[number];

  @TextField({ optional: true, example: '需现场核查经营场所' })
  reason?: string;

  @TextField({ optional: true, maxLength: 40, example: '2026-03-03T10:00:00+08:00' })
  applicantNotifiedAt?: string;
}
