import { EnumField, TextField, TextListField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class CompleteCaseDto extends CommandOptionsDto {
  @EnumField(['approved', 'denied'], { example: 'approved' })
  outcome!: 'approved' | 'denied';

  @TextField({ maxLength: 100, example: 'JD-2026-0001' })
  decisionNo!: string;

  @TextListField({
    optional: true,
    maxItems: 50,
    description: 'Required for a denial',
    example: ['经营场所不符合卫生要求'],
  })
  reasons?: string[];
}
