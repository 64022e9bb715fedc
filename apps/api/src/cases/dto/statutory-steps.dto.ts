import { EnumField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

/** T12: how the approval's licence or certificate reached the applicant. */
export class DeliverDecisionDto extends CommandOptionsDto {
  @EnumField(['window_pickup', 'post', 'electronic'], { example: 'window_pickup' })
  channel!: 'window_pickup' | 'post' | 'electronic';

  @TextField({ optional: true, maxLength: 100, example: 'JY13301020260001' })
  licenceNo?: string;

  @TextField({ optional: true, maxLength: 100, description: 'For post', example: 'EMS1234567890' })
  trackingNo?: string;
}

/** T13: the accepting authority's opinion and the authority the case is forwarded to. */
export class PreliminaryReviewDto extends CommandOptionsDto {
  @TextField({ optional: true, example: '材料齐全，符合法定形式，同意上报' })
  opinion?: string;

  @TextField({ optional: true, maxLength: 200, example: '某某市市场监督管理局' })
  forwardedTo?: string;
}
