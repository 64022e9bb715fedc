import { TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

/** N5: the receipt number is required by the rule (N5_RECEIPT_NUMBER_REQUIRED when missing). */
export class AcceptApplicationDto extends CommandOptionsDto {
  @TextField({ optional: true, maxLength: 100, example: 'SL-2026-0001' })
  receiptNo?: string;
}
