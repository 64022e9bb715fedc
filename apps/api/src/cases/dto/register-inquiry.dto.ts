import { EnumField, NestedField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class ApplicantDto {
  @EnumField(['person', 'company'], { example: 'person' })
  kind!: 'person' | 'company';

  @TextField({ maxLength: 200, example: '张三' })
  name!: string;

  @TextField({
    optional: true,
    maxLength: 40,
    description: 'Personal information (I1): masked except for auditors',
    example: '110101199003071234',
  })
  idNumber?: string;

  @TextField({
    optional: true,
    maxLength: 40,
    description: 'Personal information (I1)',
    example: '13800138000',
  })
  phone?: string;
}

export class RegisterInquiryDto extends CommandOptionsDto {
  @TextField({ maxLength: 100, example: 'center-1' })
  centerId!: string;

  @EnumField(['window', 'phone', 'online'], { example: 'window' })
  channel!: 'window' | 'phone' | 'online';

  @NestedField(() => ApplicantDto)
  applicant!: ApplicantDto;

  @TextField({ example: '如何办理食品经营许可？' })
  question!: string;

  @TextField({ optional: true, maxLength: 100, example: 'M-001' })
  matterCode?: string;
}
