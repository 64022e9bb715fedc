import { EnumField, NestedField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class ComplaintSubjectDto {
  @EnumField(['case', 'staff', 'window'], { example: 'window' })
  kind!: 'case' | 'staff' | 'window';

  @TextField({ optional: true, maxLength: 100, example: 'win-3' })
  id?: string;
}

/** P1: channel, subject and content (P1_COMPLAINT_INCOMPLETE when channel or content is missing). */
export class FileComplaintDto extends CommandOptionsDto {
  @TextField({ optional: true, maxLength: 50, example: '12345热线' })
  channel?: string;

  @NestedField(() => ComplaintSubjectDto)
  subject!: ComplaintSubjectDto;

  @TextField({ optional: true, example: '窗口工作人员态度生硬，多次让我来回跑。' })
  content?: string;
}
