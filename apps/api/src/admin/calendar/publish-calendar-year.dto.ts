import { TextField, TextListField } from '../../validation/dto-field.decorators.js';

/** T2: a year's State Council notice; `workdays` are the adjusted working weekend days (调休). */
export class PublishCalendarYearDto {
  @TextField({
    maxLength: 300,
    description: 'Title of the notice',
    example: '国务院办公厅关于2027年部分节假日安排的通知',
  })
  notice!: string;

  @TextListField({ maxItems: 400, maxLength: 10, example: ['2027-01-01', '2027-02-06', '2027-02-07'] })
  holidays!: string[];

  @TextListField({ maxItems: 100, maxLength: 10, example: ['2027-02-14'] })
  workdays!: string[];
}
