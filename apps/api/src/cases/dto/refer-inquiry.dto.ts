import { TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

/** F2: department, handler and phone are required by the rule; missing ones answer F2_REFERRAL_WITHOUT_HANDLER. */
export class ReferInquiryDto extends CommandOptionsDto {
  @TextField({ optional: true, maxLength: 100, example: 'dept-market' })
  toDepartmentId?: string;

  @TextField({ optional: true, maxLength: 100, example: 'win-3' })
  toWindowId?: string;

  @TextField({ optional: true, maxLength: 100, example: '王芳' })
  handlerName?: string;

  @TextField({ optional: true, maxLength: 40, example: '0571-88001234' })
  handlerPhone?: string;

  @TextField({ optional: true, example: '食品经营许可由市场监管窗口办理' })
  note?: string;
}
