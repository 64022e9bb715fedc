/** A catalogued matter (事项) as the catalog stream records it (T3, T5, T7). */
export type MatterKind = 'immediate' | 'promised' | 'escalated';

export interface RequiredMaterial {
  readonly code: string;
  readonly name: string;
}

export interface Matter {
  readonly code: string;
  readonly name: string;
  readonly departmentId: string;
  readonly kind: MatterKind;
  /** 法定时限 in working days (T5; default 20, 45 when jointly handled). */
  readonly statutoryLimitDays: number;
  /** 承诺时限 in working days, never longer than the statutory limit (T5). */
  readonly promisedLimitDays: number;
  /** Longest extension allowed (T7; default 10, 15 when jointly handled). */
  readonly maxExtensionDays: number;
  /** Office minutes for an immediate case (T3; default 30); absent on promised and escalated matters. */
  readonly immediateLimitMinutes?: number;
  readonly joint: boolean;
  readonly requiredMaterials: readonly RequiredMaterial[];
}

export const DEFAULT_IMMEDIATE_LIMIT_MINUTES = 30;
