import { TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class ExplainCardDto extends CommandOptionsDto {
  @TextField({ example: '因申请材料需跨部门核验，导致超期。' })
  text!: string;
}
