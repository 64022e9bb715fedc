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
    description: 'Required for a denial (N6)',
    example: ['经营场所不符合卫生要求'],
  })
  reasons?: string[];

  @TextField({
    optional: true,
    maxLength: 2000,
    description:
      'N6: required for a denial; tells the applicant of the rights to administrative reconsideration (行政复议) and suit (行政诉讼)',
    example:
      '如不服本决定，可自收到之日起60日内向某某县人民政府申请行政复议，或者6个月内向某某县人民法院提起行政诉讼。',
  })
  remediesNotice?: string;
}
