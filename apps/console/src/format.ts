/** Instants as the centers read them: Beijing time (Asia/Shanghai), whatever the browser's zone. */
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatInstant(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) return String(value);
  const parts = Object.fromEntries(DATE_TIME.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** An instant as the API takes it: ISO-8601 with the +08:00 offset. */
export function toShanghaiIso(ms: number): string {
  const shifted = new Date(ms + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** Office minutes as hours and minutes (overdueBy). */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}

export const shortId = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id);
