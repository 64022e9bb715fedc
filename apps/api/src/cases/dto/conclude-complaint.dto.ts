import { BooleanField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class ConcludeComplaintDto extends CommandOptionsDto {
  @BooleanField({ example: true })
  substantiated!: boolean;

  @TextField({ example: '经核实情况属实，已对相关人员批评教育。' })
  reply!: string;
}
