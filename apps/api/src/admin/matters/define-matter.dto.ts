import { ArrayUnique } from 'class-validator';
import { fieldMessages } from '../../validation/field-messages.js';
import {
  BooleanField,
  EnumField,
  IdField,
  NestedField,
  NumberField,
  TextField,
} from '../../validation/dto-field.decorators.js';

/**
 * A list of a matter's materials: the ones the matter requires, and the ones an application
 * presents from that list (intake-steps.dto.ts), with the same bound and example.
 */
export const MaterialListField = (item: () => new () => object): PropertyDecorator =>
  NestedField(item, {
    list: true,
    maxItems: 200,
    example: [
      { code: 'id', name: '身份证' },
      { code: 'lease', name: '场地租赁合同' },
    ],
  });

export class RequiredMaterialDto {
  @IdField({ example: 'lease' })
  code!: string;

  @TextField({ maxLength: 200, example: '场地租赁合同' })
  name!: string;
}

/** T3, T5, T7: a matter's kind and limits; the limits are checked by the catalog's rules. */
export class DefineMatterDto {
  @TextField({ maxLength: 200, example: '食品经营许可' })
  name!: string;

  @IdField({ example: 'dept-market' })
  departmentId!: string;

  @EnumField(['immediate', 'promised', 'escalated'], { example: 'promised' })
  kind!: 'immediate' | 'promised' | 'escalated';

  @NumberField({
    optional: true,
    integer: true,
    description: '法定时限, working days; default 20 (45 when joint)',
    example: 20,
  })
  statutoryLimitDays?: number;

  @NumberField({
    integer: true,
    description: '承诺时限, working days, at most the statutory limit (T5)',
    example: 5,
  })
  promisedLimitDays!: number;

  @NumberField({
    optional: true,
    integer: true,
    description: 'Longest extension, working days; default 10 (15 when joint) (T7)',
    example: 10,
  })
  maxExtensionDays?: number;

  @NumberField({
    optional: true,
    integer: true,
    description: 'Office minutes for an immediate case; default 30 (T3)',
    example: 30,
  })
  immediateLimitMinutes?: number;

  @BooleanField({ optional: true, description: 'Jointly handled (联合办理)', example: false })
  joint?: boolean;

  @MaterialListField(() => RequiredMaterialDto)
  // A material is named once: an application presents materials by code (F2).
  @ArrayUnique((m: RequiredMaterialDto | undefined) => m?.code, { message: fieldMessages.repeatedCode })
  requiredMaterials!: RequiredMaterialDto[];
}
