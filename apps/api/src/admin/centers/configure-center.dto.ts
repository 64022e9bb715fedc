import { NestedField, TextField, TextListField } from '../../validation/dto-field.decorators.js';

export class OfficePeriodDto {
  @TextField({ maxLength: 5, description: 'HH:MM, Asia/Shanghai', example: '08:30' })
  start!: string;

  @TextField({ maxLength: 5, description: 'HH:MM, Asia/Shanghai', example: '12:00' })
  end!: string;
}

/** T1: a center and its office hours. */
export class ConfigureCenterDto {
  @TextField({ maxLength: 200, example: '某某县政务服务中心' })
  name!: string;

  @NestedField(() => OfficePeriodDto, {
    list: true,
    maxItems: 10,
    example: [
      { start: '08:30', end: '12:00' },
      { start: '14:30', end: '17:30' },
    ],
  })
  officeHours!: OfficePeriodDto[];

  @TextListField({
    optional: true,
    maxItems: 20,
    maxLength: 40,
    description:
      'T6: local suspension types this center allows besides those of art. 45; flagged LOCAL_SUSPENSION when used',
    example: ['site_survey', 'public_notice'],
  })
  localSuspensionTypes?: string[];
}
