/**
 * The decision and its result for the dossier's header (issue 12): how the case ended — completed
 * (approved or denied, on time or late), rejected, withdrawn — or that it is still open, with the
 * event that says so.
 */
import type { DossierEvent } from './dossier-events.js';
import { completionText, shortTime } from './event-sentence.js';

export interface DossierResult {
  readonly status: 'open' | 'completed' | 'rejected' | 'withdrawn';
  /** One Chinese sentence: the decision, its number and whether it was on time. */
  readonly summary: string;
  readonly at?: string;
  readonly eventId?: string;
}

export function dossierResult(events: readonly DossierEvent[]): DossierResult {
  for (let i = events.length - 1; i >= 0; i--) {
    const { r, e } = events[i]!;
    const at = { at: r.occurredAt, eventId: r.eventId };
    if (e.type === 'CaseCompleted')
      return {
        status: 'completed',
        summary: `${shortTime(r.occurredAt)} 办结：${completionText(e.data)}`,
        ...at,
      };
    if (e.type === 'ApplicationRejected')
      return {
        status: 'rejected',
        summary: `${shortTime(r.occurredAt)} 不予受理（通知书 ${e.data.noticeNo}），理由：${e.data.reasons.join('；')}`,
        ...at,
      };
    if (e.type === 'CaseWithdrawn')
      return {
        status: 'withdrawn',
        summary: `${shortTime(r.occurredAt)} 申请人撤回：${e.data.reason}`,
        ...at,
      };
  }
  return { status: 'open', summary: '尚未办结' };
}
