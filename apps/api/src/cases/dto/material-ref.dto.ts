import { TextField } from '../../validation/dto-field.decorators.js';

export class MaterialRefDto {
  @TextField({ maxLength: 100, description: 'Material code from the matter’s list', example: 'lease' })
  code!: string;

  @TextField({ optional: true, maxLength: 200, example: '场地租赁合同' })
  name?: string;
}
