import { MAX_LIMIT_DAYS } from '#domain/timeliness/bounds.js';
import { NestedField, NumberField, TextField } from '../../validation/dto-field.decorators.js';

/** T14: every policy count of working days is bounded, by the domain's check (timeliness/bounds.ts). */
const DAYS = { countUpTo: MAX_LIMIT_DAYS } as const;

export class WarningLeadDto {
  @NumberField({
    integer: true,
    description: 'Applies to promised limits up to this many working days',
    example: 5,
  })
  maxLimitDays!: number;

  @NumberField({ integer: true, description: 'Warning lead in working days (C1)', example: 1 })
  leadDays!: number;
}

export class PublicCriticismThresholdDto {
  @NumberField({ integer: true, example: 2 })
  consecutiveLate!: number;

  @NumberField({ integer: true, description: 'Calendar days', example: 30 })
  withinDays!: number;
}

/** C7: every threshold of C1–C6, T10 and P6, under a new version name. */
export class ChangeTimelinessPolicyDto {
  @TextField({ maxLength: 100, example: 'county-2026.2' })
  version!: string;

  @NestedField(() => WarningLeadDto, {
    list: true,
    maxItems: 20,
    example: [
      { maxLimitDays: 5, leadDays: 1 },
      { maxLimitDays: 10, leadDays: 2 },
      { maxLimitDays: 9999, leadDays: 3 },
    ],
  })
  warningLeads!: WarningLeadDto[];

  @NumberField({
    integer: true,
    description: 'C1: immediate cases are warned with this many office minutes left',
    example: 10,
  })
  immediateWarningLeadMinutes!: number;

  @NumberField({ ...DAYS, description: 'C3', example: 3 })
  redAfterOverdueDays!: number;

  @NumberField({ ...DAYS, description: 'C5 / T10', example: 2 })
  explanationDays!: number;

  @NumberField({ ...DAYS, description: 'N2 / T10', example: 5 })
  supplementNoticeDays!: number;

  @NumberField({ ...DAYS, description: 'F3 / T10', example: 3 })
  referralFollowUpDays!: number;

  @NumberField({ ...DAYS, description: 'P2 / T10', example: 5 })
  complaintDays!: number;

  @NumberField({ ...DAYS, description: 'P4 / T10', example: 5 })
  rectificationDays!: number;

  @NumberField({
    ...DAYS,
    optional: true,
    description: 'P6: a bad review is called back (回访) within this many working days; default 5',
    example: 5,
  })
  callbackDays?: number;

  @NumberField({
    ...DAYS,
    optional: true,
    description: 'P6: the department may appeal (申诉) a bad review within this many working days; default 5',
    example: 5,
  })
  appealDays?: number;

  @NestedField(() => PublicCriticismThresholdDto, { example: { consecutiveLate: 2, withinDays: 30 } })
  publicCriticism!: PublicCriticismThresholdDto;
}
