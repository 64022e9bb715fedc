/**
 * The dossier's timeline: every event of the case in order, with who recorded it (U1), whether it
 * was back-dated (U2), its hash (U3) and its facts as the reader may see them (I1).
 */
import type { Actor } from '#domain/actor/actor.js';
import { BACKDATE_TOLERANCE_MS } from '#domain/case/decision-context.js';
import { EVENT_LABELS } from '#domain/labels/labels.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { defined } from '../../support/defined.js';
import { label } from '../audit-labels.js';
import { dataAsSeenBy } from '../personal-data.js';
import { dossierActor, type DossierActor } from './dossier-actor.js';
import { eventSentence } from './event-sentence.js';

export interface DossierEntry {
  readonly eventId: string;
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  readonly label: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: DossierActor;
  /** U2: recorded more than 10 minutes after it happened (补录). */
  readonly backdated: boolean;
  readonly backdatedMinutes?: number;
  readonly lateEntryReason?: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly hash: string;
  /** The event's facts; the applicant's identifiers masked unless the reader is an auditor (I1). */
  readonly data: unknown;
  /** The same facts as one readable Chinese sentence (the printed dossier shows this). */
  readonly summary: string;
}

export function dossierTimeline(recorded: readonly RecordedEvent[], reader: Actor): DossierEntry[] {
  return recorded.map((e) => {
    const gap = Date.parse(e.recordedAt) - Date.parse(e.occurredAt);
    const reason = (e.data as { lateEntryReason?: string } | null)?.lateEntryReason;
    return defined({
      eventId: e.eventId,
      revision: e.revision,
      position: e.position,
      type: e.type,
      label: label(EVENT_LABELS, e.type),
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      actor: dossierActor(e.actor),
      backdated: gap > BACKDATE_TOLERANCE_MS,
      backdatedMinutes: gap > BACKDATE_TOLERANCE_MS ? Math.floor(gap / 60_000) : undefined,
      lateEntryReason: reason,
      correlationId: e.correlationId,
      causationId: e.causationId,
      hash: e.integrity.hash,
      data: dataAsSeenBy(e, reader),
      summary: eventSentence(toCaseEvent({ ...e, data: dataAsSeenBy(e, reader) })),
    });
  });
}
