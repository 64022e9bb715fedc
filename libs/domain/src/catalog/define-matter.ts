import type { Actor } from '../actor/actor.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { MAX_IMMEDIATE_MINUTES, MAX_LIMIT_DAYS } from '../timeliness/bounds.js';
import {
  DEFAULT_IMMEDIATE_LIMIT_MINUTES,
  type Matter,
  type MatterKind,
  type RequiredMaterial,
} from './matter.js';

/** The catalog stream's only event: a matter's definition, replaced as a whole by a newer one. */
export interface MatterDefined {
  readonly type: 'MatterDefined';
  readonly schemaVersion: 1;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly data: Matter;
}

/** Each matter's stream (DESIGN.md "Events"; T3, T5, T7). */
export const catalogStreamId = (code: string): string => `catalog-${code}`;

export interface DefineMatter {
  readonly code: string;
  readonly name: string;
  readonly departmentId: string;
  readonly kind: MatterKind;
  readonly statutoryLimitDays?: number;
  readonly promisedLimitDays: number;
  readonly maxExtensionDays?: number;
  readonly immediateLimitMinutes?: number;
  readonly joint?: boolean;
  readonly requiredMaterials: readonly RequiredMaterial[];
}

/** 行政许可法 art. 42 and 26: 20 working days (45 when jointly handled), extensions 10 (15). */
const STATUTORY_DEFAULT = { single: 20, joint: 45 };
const EXTENSION_CAP = { single: 10, joint: 15 };

const t5 = (detail: string, field: string): DomainError => refuse('T5_LIMIT_INVALID', detail, field);

/** Validates a matter definition (T3, T5, T7) and fills the statutory defaults. */

export function defineMatter(
  input: DefineMatter,
  actor: Actor,
  occurredAt: string,
): MatterDefined | DomainError {
  if (actor.role !== 'admin')
    return refuse('ROLE_NOT_ALLOWED', 'Only admins maintain the catalog of matters.');
  const joint = input.joint ?? false;
  const statutory = input.statutoryLimitDays ?? (joint ? STATUTORY_DEFAULT.joint : STATUTORY_DEFAULT.single);
  const cap = joint ? EXTENSION_CAP.joint : EXTENSION_CAP.single;
  const maxExtension = input.maxExtensionDays ?? cap;
  const whole = (n: number): boolean => Number.isInteger(n) && n >= 0;
  // T14: limits in days are at most 365, so no deadline lands where it cannot be read back.
  for (const [field, days] of [
    ['statutoryLimitDays', statutory],
    ['promisedLimitDays', input.promisedLimitDays],
  ] as const)
    if (days > MAX_LIMIT_DAYS)
      return refuse('T14_OUT_OF_BOUNDS', `${field} is at most ${MAX_LIMIT_DAYS} working days (T14).`, field);
  if (!whole(statutory) || statutory < 1)
    return t5('statutoryLimitDays is a whole number of working days, at least 1.', 'statutoryLimitDays');
  if (!whole(input.promisedLimitDays))
    return t5('promisedLimitDays is a whole number of working days.', 'promisedLimitDays');
  if (input.kind !== 'immediate' && input.promisedLimitDays < 1)
    return t5('A promised or escalated matter has a limit of at least 1 working day.', 'promisedLimitDays');
  if (input.promisedLimitDays > statutory)
    return refuse(
      'T5_PROMISED_LIMIT_EXCEEDS_STATUTORY',
      `The promised limit (${input.promisedLimitDays}) may not exceed the statutory limit (${statutory}) (T5).`,
      'promisedLimitDays',
    );
  if (!whole(maxExtension) || maxExtension > cap)
    return t5(
      `maxExtensionDays is a whole number of working days from 0 to ${cap} for this matter (T7, 行政许可法 art. 42).`,
      'maxExtensionDays',
    );
  const immediate = input.immediateLimitMinutes ?? DEFAULT_IMMEDIATE_LIMIT_MINUTES;
  if (!Number.isInteger(immediate) || immediate < 1 || immediate > MAX_IMMEDIATE_MINUTES)
    return t5(
      `immediateLimitMinutes is a whole number of office minutes from 1 to ${MAX_IMMEDIATE_MINUTES} (T3).`,
      'immediateLimitMinutes',
    );
  return {
    type: 'MatterDefined',
    schemaVersion: 1,
    occurredAt,
    actor,
    data: {
      code: input.code,
      name: input.name,
      departmentId: input.departmentId,
      kind: input.kind,
      statutoryLimitDays: statutory,
      promisedLimitDays: input.promisedLimitDays,
      maxExtensionDays: maxExtension,
      // T3: only an immediate matter has a limit in minutes; a promised one never carries the default.
      ...(input.kind === 'immediate' && { immediateLimitMinutes: immediate }),
      joint,
      requiredMaterials: input.requiredMaterials,
    },
  };
}
