import { TextField } from '../../validation/dto-field.decorators.js';

/** The body of an erasure (I2): its legal basis, required; a blank one is the domain's refusal. */
export class ErasureDto {
  @TextField({
    maxLength: 500,
    description: 'The legal basis of the erasure (I2; 个人信息保护法 art. 47).',
    example: '保存期限届满（个人信息保护法第四十七条）',
  })
  legalBasis!: string;
}
