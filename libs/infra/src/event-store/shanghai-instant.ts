/**
 * Instants as the event store returns them: ISO 8601 with milliseconds in China Standard Time,
 * e.g. `2026-02-13T10:00:00.000+08:00` (Asia/Shanghai has had no daylight saving since 1991, so a
 * fixed +08:00 is exact). The hash chain (U3) hashes these strings, so their shape is part of the
 * chain's definition and must not change.
 */
export type Instant = Date | string | number;

const OFFSET_MS = 8 * 60 * 60 * 1000;
const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
// The instants toISOString writes with a four-digit year (0000-01-01 to 9999-12-31, UTC): a range
// check, not a pattern over the text, as this runs for every event appended (issue 13).
const FIRST_ISO_MS = -62_167_219_200_000;
const LAST_ISO_MS = 253_402_300_799_999;

/** Milliseconds since the epoch. Strings must carry an offset: a bare local time is ambiguous. */
export function instantToEpochMs(instant: Instant): number {
  let ms: number;
  if (instant instanceof Date) ms = instant.getTime();
  else if (typeof instant === 'number') ms = instant;
  else if (typeof instant === 'string' && EXPLICIT_OFFSET.test(instant.trim())) ms = Date.parse(instant);
  else throw new RangeError(`not an instant with an explicit offset: ${JSON.stringify(instant)}`);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${JSON.stringify(instant)}`);
  return Math.trunc(ms);
}

export function formatShanghaiIso(epochMs: number): string {
  const shiftedMs = epochMs + OFFSET_MS;
  if (!(shiftedMs >= FIRST_ISO_MS && shiftedMs <= LAST_ISO_MS))
    throw new RangeError(`instant outside years 0000-9999: ${epochMs}`);
  return `${new Date(shiftedMs).toISOString().slice(0, -1)}+08:00`;
}
