import { TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class RevokeCardDto extends CommandOptionsDto {
  @TextField({ optional: true, example: '系统节假日数据错误导致误亮牌' })
  reason?: string;
}
