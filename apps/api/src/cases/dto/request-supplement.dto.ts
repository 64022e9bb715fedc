import { BooleanField, EnumField, NestedField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class SupplementItemDto {
  @TextField({ maxLength: 100, example: 'lease' })
  code!: string;

  @TextField({ maxLength: 200, example: '场地租赁合同' })
  name!: string;

  @EnumField(['missing', 'nonconforming'], { example: 'nonconforming' })
  problem!: 'missing' | 'nonconforming';

  @TextField({ optional: true, example: '租赁期限不足一年' })
  note?: string;
}

/** N1–N3: one notice lists everything missing, at once. */
export class RequestSupplementDto extends CommandOptionsDto {
  @TextField({ maxLength: 100, example: 'BZ-2026-0001' })
  noticeNo!: string;

  @NestedField(() => SupplementItemDto, { list: true, maxItems: 200 })
  items!: SupplementItemDto[];

  @BooleanField({
    optional: true,
    description: 'N3: this second notice only concerns materials first handed in with the resubmission',
    example: false,
  })
  onlyNewMaterials?: boolean;
}
