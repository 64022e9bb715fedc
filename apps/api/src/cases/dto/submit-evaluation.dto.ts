import { EnumField, NumberField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

/** P4: 1 (非常不满意) … 5 (非常满意); the range is the rule's (P4_SCORE_OUT_OF_RANGE). */
export class SubmitEvaluationDto extends CommandOptionsDto {
  @NumberField({ integer: true, example: 5 })
  score!: number;

  @TextField({ optional: true, example: '办事效率高，一次办好。' })
  comment?: string;

  @EnumField(['device', 'proxy'], {
    optional: true,
    description:
      'P5: the window’s rating device, or entered by staff for the applicant (proxy, flagged PROXY_RATING). Absent counts as proxy. One rating per case and channel.',
    example: 'device',
  })
  channel?: 'device' | 'proxy';
}
