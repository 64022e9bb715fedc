/**
 * The deadline on a time axis (case page): each deadline the case was given — at acceptance, on
 * each resumption (T6) and on an extension (T7) — as a bar from when it was set to when it falls
 * due, the suspensions shaded, the cards and other events as ticks, "now" and the slider's instant
 * as vertical lines. SVG with a text summary for screen readers.
 */
import { EVENT_LABELS, label } from '../labels.js';
import { formatInstant } from '../format.js';
import type { DeadlineTrack } from '../model/deadline-track.js';

const WIDTH = 960;
const LEFT = 16;
const RIGHT = 16;
const TOP = 28;
const ROW = 30;
const CAUSES = { accepted: '受理时期限', resumed: '恢复计时后期限', extended: '延期后期限' } as const;
const CARD_TYPES = new Set(['WarningIssued', 'YellowCardIssued', 'RedCardIssued']);

export function DeadlineAxis({
  track,
  now,
  asOf,
}: {
  track: DeadlineTrack;
  now: number;
  asOf: number | null;
}) {
  const span = track.end - track.start;
  const x = (t: number): number => LEFT + ((t - track.start) / span) * (WIDTH - LEFT - RIGHT);
  const rowsBottom = TOP + Math.max(1, track.steps.length) * ROW;
  const height = rowsBottom + 56;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => track.start + f * span);
  const summary = [
    track.acceptedAt === null ? '尚未受理' : `受理于 ${formatInstant(track.acceptedAt)}`,
    ...track.steps.map((s) => `${CAUSES[s.cause]} ${formatInstant(s.deadline)}`),
    track.pauses.length > 0 ? `中止计时 ${track.pauses.length} 次` : '',
  ]
    .filter((s) => s !== '')
    .join('；');
  return (
    <figure class="axis">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`期限时间轴：${summary}`}>
        <title>{`期限时间轴：${summary}`}</title>
        {track.pauses.map((p, i) => {
          const to = p.to ?? Math.min(now, track.end);
          return (
            <g key={`pause-${i}`} class="pause">
              <rect
                x={x(p.from)}
                y={TOP - 8}
                width={Math.max(2, x(to) - x(p.from))}
                height={rowsBottom - TOP + 8}
              />
              <text x={x(p.from) + 3} y={TOP - 12}>
                中止
              </text>
            </g>
          );
        })}
        {track.steps.map((s, i) => {
          const y = TOP + i * ROW + ROW / 2;
          const last = i === track.steps.length - 1;
          return (
            <g
              key={`step-${i}`}
              class={last ? 'deadline current' : 'deadline superseded'}
              data-cause={s.cause}
            >
              <line x1={x(s.at)} y1={y} x2={x(s.deadline)} y2={y} />
              <circle cx={x(s.deadline)} cy={y} r={5} />
              <text x={Math.min(x(s.deadline) + 8, WIDTH - 200)} y={y - 8}>
                {`${CAUSES[s.cause]} ${formatInstant(s.deadline)}`}
              </text>
            </g>
          );
        })}
        <line class="axis-line" x1={LEFT} y1={rowsBottom + 8} x2={WIDTH - RIGHT} y2={rowsBottom + 8} />
        {track.markers.map((m, i) => (
          <line
            key={`m-${i}`}
            class={CARD_TYPES.has(m.type) ? `tick tick-${m.type}` : 'tick'}
            x1={x(m.at)}
            y1={rowsBottom + 2}
            x2={x(m.at)}
            y2={rowsBottom + 14}
          >
            <title>{`${label(EVENT_LABELS, m.type)} ${formatInstant(m.at)}`}</title>
          </line>
        ))}
        {ticks.map((t, i) => (
          <text
            key={`t-${i}`}
            class="tick-label"
            x={x(t)}
            y={rowsBottom + 32}
            text-anchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
          >
            {formatInstant(t)}
          </text>
        ))}
        {now >= track.start && now <= track.end && (
          <g class="now">
            <line x1={x(now)} y1={TOP - 16} x2={x(now)} y2={rowsBottom + 14} />
            <text x={x(now) - 4} y={height - 4} text-anchor="end">
              现在
            </text>
          </g>
        )}
        {asOf !== null && (
          <g class="as-of">
            <line x1={x(asOf)} y1={TOP - 16} x2={x(asOf)} y2={rowsBottom + 14} />
            <text x={x(asOf) + 4} y={height - 4}>
              查看时点
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        期限的变化：横条从设定时刻延伸到期限；灰色为中止计时；竖线为“现在”与滑块所选时点。{summary}。
      </figcaption>
    </figure>
  );
}
