import { BooleanField, TextField, TextListField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

/** N4: written reasons; outside the center's competence, the competent authority. */
export class RejectApplicationDto extends CommandOptionsDto {
  @TextField({ maxLength: 100, example: 'BSL-2026-0001' })
  noticeNo!: string;

  @TextListField({ optional: true, maxItems: 50, example: ['申请事项不属于本机关职权范围'] })
  reasons?: string[];

  @TextField({ optional: true, maxLength: 200, example: '市生态环境局' })
  competentAuthority?: string;

  @BooleanField({
    optional: true,
    description: 'The matter is outside the center’s competence (N4); then competentAuthority is required',
    example: true,
  })
  outsideCompetence?: boolean;
}
