/** A bar chart of case counts by level, in SVG (no chart library): labelled for screen readers. */
import { LEVEL_LABELS } from '../labels.js';

export interface LevelCount {
  readonly level: 'normal' | 'warning' | 'yellow' | 'red';
  /** null: not known (the API does not tell). */
  readonly count: number | null;
}

const WIDTH = 420;
const ROW = 34;
const LABEL = 56;
const NUMBER = 60;

export function LevelChart({ counts, title }: { counts: readonly LevelCount[]; title: string }) {
  const max = Math.max(1, ...counts.map((c) => c.count ?? 0));
  const height = counts.length * ROW + 8;
  const summary = counts.map((c) => `${LEVEL_LABELS[c.level]} ${c.count ?? '未知'} 件`).join('，');
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}：${summary}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title>{`${title}：${summary}`}</title>
        {counts.map((c, i) => {
          const y = 4 + i * ROW;
          const w = c.count === null ? 0 : ((WIDTH - LABEL - NUMBER) * c.count) / max;
          return (
            <g key={c.level} data-level={c.level}>
              <text x={0} y={y + 21} class="chart-label">
                {LEVEL_LABELS[c.level]}
              </text>
              <rect
                x={LABEL}
                y={y + 4}
                width={Math.max(w, c.count ? 2 : 0)}
                height={ROW - 10}
                class={`bar bar-${c.level}`}
              />
              <text x={LABEL + w + 6} y={y + 21} class="chart-number">
                {c.count === null ? '—' : c.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
