/** The case's events in order (GET /cases/{id}/events): who did what when; later than the slider: dimmed. */
import type { RecordedEvent } from '../api/types.js';
import { formatInstant } from '../format.js';
import { EVENT_LABELS, LEVEL_LABELS, ROLE_LABELS, label } from '../labels.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The facts of an event worth a line: receipt number, deadline, reason, level … */
function facts(event: RecordedEvent): string {
  const d = event.data;
  const parts = [
    text(d.receiptNo) && `受理编号 ${text(d.receiptNo)}`,
    text(d.noticeNo) && `文书号 ${text(d.noticeNo)}`,
    text(d.deadline) && `期限 ${formatInstant(text(d.deadline))}`,
    text(d.previousDeadline) && `原期限 ${formatInstant(text(d.previousDeadline))}`,
    typeof d.days === 'number' && `延长 ${d.days} 个工作日`,
    text(d.level) && label(LEVEL_LABELS, text(d.level)),
    text(d.reason) && `理由：${text(d.reason)}`,
    text(d.text) && `说明：${text(d.text)}`,
    text(d.lateEntryReason) && `补录原因：${text(d.lateEntryReason)}`,
  ];
  return parts.filter((p): p is string => typeof p === 'string').join('；');
}

export function Timeline({ events, asOf }: { events: readonly RecordedEvent[]; asOf: number | null }) {
  return (
    <ol class="timeline" aria-label="办件时间线">
      {events.map((e) => {
        const later = asOf !== null && Date.parse(e.occurredAt) > asOf;
        return (
          <li key={e.eventId} class={later ? 'later' : ''} data-type={e.type}>
            <time dateTime={e.occurredAt}>{formatInstant(e.occurredAt)}</time>
            <strong>{label(EVENT_LABELS, e.type)}</strong>
            <span class="actor">
              {e.actor.name}（{label(ROLE_LABELS, e.actor.role)}）
            </span>
            <span class="facts">{facts(e)}</span>
            {later && <span class="visually-hidden">（晚于所选时点）</span>}
          </li>
        );
      })}
    </ol>
  );
}
