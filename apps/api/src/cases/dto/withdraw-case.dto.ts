import { TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class WithdrawCaseDto extends CommandOptionsDto {
  @TextField({ optional: true, example: '申请人主动撤回申请' })
  reason?: string;
}
