/** A timeliness level (C1–C3) as the coloured badge every page shows it with. */
import { LEVEL_LABELS, label } from '../labels.js';

export function LevelBadge({ level }: { level: string }) {
  return <span class={`badge badge-${level}`}>{label(LEVEL_LABELS, level)}</span>;
}
