/** The bodies of the steps from the decision on (closing-steps.ts: N6, T12, T13, P1–P5, C4, C5, A3). */
import {
  BooleanField,
  EnumField,
  NestedField,
  NumberField,
  TextField,
  TextListField,
} from '../../validation/dto-field.decorators.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class CompleteCaseDto extends CommandOptionsDto {
  @EnumField(['approved', 'denied'], { example: 'approved' })
  outcome!: 'approved' | 'denied';

  @TextField({ maxLength: 100, example: 'JD-2026-0001' })
  decisionNo!: string;

  @TextListField({
    optional: true,
    maxItems: 50,
    description: 'Required for a denial (N6)',
    example: ['经营场所不符合卫生要求'],
  })
  reasons?: string[];

  @TextField({
    optional: true,
    maxLength: 2000,
    description:
      'N6: required for a denial; tells the applicant of the rights to administrative reconsideration (行政复议) and suit (行政诉讼)',
    example:
      '如不服本决定，可自收到之日起60日内向某某县人民政府申请行政复议，或者6个月内向某某县人民法院提起行政诉讼。',
  })
  remediesNotice?: string;
}

export class WithdrawCaseDto extends CommandOptionsDto {
  @TextField({ optional: true, example: '申请人主动撤回申请' })
  reason?: string;
}

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

export class ConcludeComplaintDto extends CommandOptionsDto {
  @BooleanField({ example: true })
  substantiated!: boolean;

  @TextField({ example: '经核实情况属实，已对相关人员批评教育。' })
  reply!: string;
}

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

export class RectifyEvaluationDto extends CommandOptionsDto {
  @BooleanField({ example: true })
  valid!: boolean;

  @TextField({ example: '已约谈窗口人员并回访申请人。' })
  action!: string;
}

export class ExplainCardDto extends CommandOptionsDto {
  @TextField({ example: '因申请材料需跨部门核验，导致超期。' })
  text!: string;
}

export class RevokeCardDto extends CommandOptionsDto {
  @TextField({ optional: true, example: '系统节假日数据错误导致误亮牌' })
  reason?: string;
}

export class RecordAccountabilityActionDto extends CommandOptionsDto {
  @TextField({ maxLength: 200, example: 'OVERDUE:3f2b…' })
  violationId!: string;

  @EnumField(['reminder', 'criticism', 'warning', 'public_criticism', 'discipline'], { example: 'criticism' })
  action!: 'reminder' | 'criticism' | 'warning' | 'public_criticism' | 'discipline';

  @TextField({ optional: true, example: '对超期办结进行批评教育' })
  note?: string;
}

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
