import { ApiProperty } from '@nestjs/swagger';
import { BooleanField, NumberField, TextField } from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from '../../cases/dto/command-options.dto.js';
import { CommandAnswerSchema } from '../../openapi/recorded-event.schema.js';

/** P6: when and with what result the applicant was called back. */
export class EvaluationCallbackDto extends CommandOptionsDto {
  @TextField({ maxLength: 40, example: '2026-03-05T15:00:00+08:00' })
  contactedAt!: string;

  @TextField({ optional: true, example: '已电话回访，申请人对等候时间不满，已致歉并说明改进措施' })
  result?: string;
}

/** P6: the department's reasons to appeal a bad review. */
export class EvaluationAppealDto extends CommandOptionsDto {
  @TextField({ optional: true, example: '差评所涉事项不属于本部门办理范围' })
  reason?: string;
}

/** P6: the supervisor's decision on an appeal. */
export class EvaluationAppealDecisionDto extends CommandOptionsDto {
  @BooleanField({ example: true })
  upheld!: boolean;

  @TextField({ optional: true, example: '经核实，差评与本部门服务无关，申诉成立' })
  reason?: string;
}

/** P5: the applicant's rating through an invitation; no bearer token. */
export class PublicEvaluationDto {
  @TextField({
    maxLength: 600,
    description: 'The invitation token of the link or QR code',
    example: 'WyJjYXNlLTEiLCJpbnYtMSIsMTc3NTA5OTUwMDAwMF0.k2Vb…',
  })
  invitation!: string;

  @NumberField({ integer: true, example: 5 })
  score!: number;

  @TextField({ optional: true, maxLength: 1000, example: '一次就办好了，很满意' })
  comment?: string;
}

export class InvitationAnswerSchema extends CommandAnswerSchema {
  @ApiProperty({
    description: 'P5: the one-time token; works once, until expiresAt',
    example: 'WyJjYXNlLTEiLCJpbnYtMSIsMTc3NTA5OTUwMDAwMF0.k2Vb…',
  })
  invitation!: string;

  @ApiProperty({
    description: 'What the link or QR code carries; a front end posts the rating to POST /public/evaluations',
    example: '/public/evaluations?invitation=WyJj…',
  })
  url!: string;

  @ApiProperty({ example: '2026-04-02T10:05:00+08:00' })
  expiresAt!: string;
}
