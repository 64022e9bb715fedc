/**
 * The case dossier (办件档案) for auditors: everything about one case in one answer, derived from
 * its events alone — the timeline with actors (U1, U2), the deadlines as told to the applicant
 * (T9), the cards with what caused them, their explanations and revocations (C1–C5), step flags
 * (T10), the violations with their evidence (A1), accountability actions (A3), public-criticism
 * recommendations (C6) and the hash-chain check (U3). Every card, violation and action names the
 * events it comes from, by id, so a reader can follow each back to the record. Each section is
 * built in a file of its own (dossier-*.ts); this one puts them together.
 */
import type { Actor } from '#domain/actor/actor.js';
import type { RecordedEvent, StreamVerification } from '#infra/event-store/event-store.port.js';
import type { CaseView } from '../../cases/queries/case-view.js';
import { seesPersonalData } from '../personal-data.js';
import {
  dossierActions,
  dossierPublicCriticism,
  type DossierAction,
  type DossierRecommendation,
} from './dossier-accountability.js';
import { dossierCards, type DossierCard, type DossierExplanation } from './dossier-cards.js';
import { dossierDeadlines, type DossierDeadline } from './dossier-deadlines.js';
import { dossierEvents } from './dossier-events.js';
import type { DossierNames } from './dossier-names.js';
import { dossierResult, type DossierResult } from './dossier-result.js';
import { dossierStepFlags, type DossierStepFlag } from './dossier-step-flags.js';
import { dossierTimeline, type DossierEntry } from './dossier-timeline.js';
import { dossierViolations, type DossierViolation } from './dossier-violations.js';

// The dossier's shape, as its readers (the HTML page, the controller, the handler) import it from here.
export type { DossierActor } from './dossier-actor.js';
export type { DossierAction, DossierRecommendation } from './dossier-accountability.js';
export type { DossierCard, DossierExplanation, DossierRevocation } from './dossier-cards.js';
export type { DossierDeadline } from './dossier-deadlines.js';
export type { DossierStepFlag } from './dossier-step-flags.js';
export type { DossierEntry } from './dossier-timeline.js';
export type { DossierEvidence, DossierViolation } from './dossier-violations.js';

export interface CaseDossier {
  readonly caseId: string;
  readonly generatedAt: string;
  readonly reader: { readonly id: string; readonly name: string; readonly role: string };
  /** I1: whether applicant identifiers are masked in this dossier (everyone but auditors). */
  readonly personalDataMasked: boolean;
  readonly case: CaseView;
  /** Names, not codes, where configuration (or the record) has them (issue 12). */
  readonly names: DossierNames;
  /** The decision and its result, or that the case is still open. */
  readonly result: DossierResult;
  readonly deadlines: readonly DossierDeadline[];
  readonly cards: readonly DossierCard[];
  readonly explanations: readonly DossierExplanation[];
  readonly stepFlags: readonly DossierStepFlag[];
  readonly violations: readonly DossierViolation[];
  readonly accountabilityActions: readonly DossierAction[];
  readonly publicCriticism: readonly DossierRecommendation[];
  readonly integrity: StreamVerification;
  readonly timeline: readonly DossierEntry[];
}

export interface DossierInput {
  readonly recorded: readonly RecordedEvent[];
  readonly view: CaseView;
  readonly integrity: StreamVerification;
  readonly reader: Actor;
  readonly generatedAt: string;
  readonly names: DossierNames;
}

export function caseDossier({
  recorded,
  view,
  integrity,
  reader,
  generatedAt,
  names,
}: DossierInput): CaseDossier {
  const events = dossierEvents(recorded);
  const { cards, explanations } = dossierCards(events);
  return {
    caseId: view.caseId,
    generatedAt,
    reader: { id: reader.id, name: reader.name, role: reader.role },
    personalDataMasked: !seesPersonalData(reader),
    case: view,
    names,
    result: dossierResult(events),
    deadlines: dossierDeadlines(events),
    cards,
    explanations,
    stepFlags: dossierStepFlags(events),
    violations: dossierViolations(events),
    accountabilityActions: dossierActions(events),
    publicCriticism: dossierPublicCriticism(events),
    integrity,
    timeline: dossierTimeline(recorded, reader),
  };
}
