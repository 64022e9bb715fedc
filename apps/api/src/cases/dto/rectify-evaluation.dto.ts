import { BooleanField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class RectifyEvaluationDto extends CommandOptionsDto {
  @BooleanField({ example: true })
  valid!: boolean;

  @TextField({ example: '已约谈窗口人员并回访申请人。' })
  action!: string;
}
