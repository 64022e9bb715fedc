import { TextField } from '../validation/dto-field.decorators.js';

export class SetClockDto {
  @TextField({
    maxLength: 40,
    description: 'ISO-8601 instant with offset; never earlier than the clock',
    example: '2026-03-09T17:31:00+08:00',
  })
  now!: string;
}
