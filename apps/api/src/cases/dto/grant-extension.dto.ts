import { EnumField, NumberField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

/** T7: once, before the deadline, within the matter's maximum, reason and notification recorded. */
export class GrantExtensionDto extends CommandOptionsDto {
  @NumberField({ integer: true, description: 'Working days', example: 5 })
  days!: number;

  @TextField({ optional: true, example: '需组织专家评审' })
  reason?: string;

  @TextField({ optional: true, maxLength: 40, example: '2026-03-05T15:00:00+08:00' })
  applicantNotifiedAt?: string;

  @EnumField(['sms', 'phone', 'written', 'online'], { example: 'sms' })
  channel!: 'sms' | 'phone' | 'written' | 'online';
}
