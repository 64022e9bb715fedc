import { EnumField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class RecordAccountabilityActionDto extends CommandOptionsDto {
  @TextField({ maxLength: 200, example: 'OVERDUE:3f2b…' })
  violationId!: string;

  @EnumField(['reminder', 'criticism', 'warning', 'public_criticism', 'discipline'], { example: 'criticism' })
  action!: 'reminder' | 'criticism' | 'warning' | 'public_criticism' | 'discipline';

  @TextField({ optional: true, example: '对超期办结进行批评教育' })
  note?: string;
}
