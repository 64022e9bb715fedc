/**
 * The calendar's version (T9): every deadline is stored with the data it was computed from, so an
 * auditor can tell a deadline computed before a notice was recorded from one computed after.
 */
import type { YearNotice } from './calendar-types.js';

/**
 * `chinese-days@1.5.7` for the built-in data alone; with recorded notices,
 * `chinese-days@1.5.7+notices.<8 hex>`, a hash of their content. The same notices give the same
 * version whatever their order or duplicates. The hash covers the year and the days, not the
 * `source` title: fixing a typo in a title does not change any deadline.
 */
export function calendarVersion(builtInSource: string, notices: readonly YearNotice[]): string {
  if (notices.length === 0) return builtInSource;
  const canonical = [...notices]
    .sort((a, b) => a.year - b.year)
    .map((n) => `${n.year}|H:${sortedUnique(n.holidays).join(',')}|W:${sortedUnique(n.workdays).join(',')}`)
    .join('\n');
  return `${builtInSource}+notices.${fnv1a32(canonical)}`;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits. Pure JS: no node:crypto in the domain. */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function sortedUnique(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort();
}
