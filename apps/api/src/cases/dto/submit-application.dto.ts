import { NestedField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';
import { MaterialRefDto } from './material-ref.dto.js';

export class SubmitApplicationDto extends CommandOptionsDto {
  @TextField({ maxLength: 100, example: 'M-001' })
  matterCode!: string;

  @NestedField(() => MaterialRefDto, {
    list: true,
    maxItems: 200,
    example: [
      { code: 'id', name: '身份证' },
      { code: 'lease', name: '场地租赁合同' },
    ],
  })
  materials!: MaterialRefDto[];
}
