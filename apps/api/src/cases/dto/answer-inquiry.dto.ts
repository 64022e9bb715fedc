import { TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class AnswerInquiryDto extends CommandOptionsDto {
  @TextField({ example: '请携带身份证和场地租赁合同到3号窗口办理。' })
  answer!: string;
}
