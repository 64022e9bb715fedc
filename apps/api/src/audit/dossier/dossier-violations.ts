/**
 * The dossier's violations (A1): what the domain's detector finds in the case's events, each with
 * the events that prove it, by id, revision and type, so a reader can follow them to the timeline.
 */
import { detectViolations } from '#domain/accountability/detect-violations.js';
import { EVENT_LABELS, VIOLATION_LABELS } from '#domain/labels/labels.js';
import { label } from '../audit-labels.js';
import type { DossierEvent } from './dossier-events.js';

export interface DossierEvidence {
  readonly eventId: string;
  readonly revision: number | null;
  readonly type: string | null;
  readonly label: string;
}

export interface DossierViolation {
  readonly violationId: string;
  readonly code: string;
  readonly label: string;
  readonly rule: string;
  readonly staffId: string | null;
  readonly staffName: string | null;
  readonly windowId: string | null;
  readonly departmentId: string | null;
  readonly detectedAt: string;
  readonly evidence: readonly DossierEvidence[];
}

export function dossierViolations(events: readonly DossierEvent[]): DossierViolation[] {
  const byId = new Map(events.map(({ r }) => [r.eventId, r]));
  return detectViolations(events.map(({ e }) => e)).map((v) => ({
    violationId: v.violationId,
    code: v.code,
    label: label(VIOLATION_LABELS, v.code),
    rule: v.rule,
    staffId: v.staffId ?? null,
    staffName: v.staffName ?? null,
    windowId: v.windowId ?? null,
    departmentId: v.departmentId ?? null,
    detectedAt: v.detectedAt,
    evidence: v.evidence.map((id) => {
      const e = byId.get(id);
      return {
        eventId: id,
        revision: e?.revision ?? null,
        type: e?.type ?? null,
        label: e ? label(EVENT_LABELS, e.type) : '',
      };
    }),
  }));
}
