import { NestedField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';
import { MaterialRefDto } from './material-ref.dto.js';

export class SubmitSupplementDto extends CommandOptionsDto {
  @NestedField(() => MaterialRefDto, {
    list: true,
    maxItems: 200,
    example: [{ code: 'lease', name: '场地租赁合同（续签）' }],
  })
  materials!: MaterialRefDto[];
}
