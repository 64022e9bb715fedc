/** An entry of the refusal catalog (refusal-catalog.ts). */
import type { DomainErrorCategory } from './domain-error.js';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface RefusalEntry {
  readonly title: string;
  /** Other titles the code is refused with where the code is shared (a complaint that exists). */
  readonly alsoTitled?: readonly string[];
  readonly rule: Bilingual;
  readonly fix: Bilingual;
}

/** A catalog entry from five texts: title, rule (zh, en), fix (zh, en). */
export function refusal(
  title: string,
  ruleZh: string,
  ruleEn: string,
  fixZh: string,
  fixEn: string,
  alsoTitled?: readonly string[],
): RefusalEntry {
  return {
    title,
    ...(alsoTitled !== undefined && { alsoTitled }),
    rule: { zh: ruleZh, en: ruleEn },
    fix: { zh: fixZh, en: fixEn },
  };
}

/** A refusal of the domain: its entry and its category, which lets the edge choose a status. */
export interface DomainRefusalEntry extends RefusalEntry {
  readonly category: DomainErrorCategory;
}

/** A domain catalog entry: its category, then title, rule (zh, en), fix (zh, en). */
export function catalogued(
  category: DomainErrorCategory,
  ...texts: Parameters<typeof refusal>
): DomainRefusalEntry {
  return { category, ...refusal(...texts) };
}
