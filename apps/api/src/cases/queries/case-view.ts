/**
 * The case as GET /cases/{id} shows it (API.md "Queries"), built from its events alone (U4): the
 * level from `assessTimeliness` at the instant asked, the applicant masked unless the reader is an
 * auditor (I1), and the violation codes its events prove (A1).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { detectViolations } from '#domain/accountability/detect-violations.js';
import { toShanghaiIso, type OfficeClock } from '#domain/calendar/index.js';
import type { Applicant, CaseEvent } from '#domain/case/case-events.js';
import { currentSuspension, initialState, type CaseState } from '#domain/case/case-state.js';
import { evolve } from '#domain/case/evolve.js';
import { maskApplicant } from '#domain/privacy/mask-applicant.js';
import { caseLevel } from '#domain/timeliness/case-level.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';

export class CaseCardView {
  @ApiProperty({ example: 'yellow-202603091730' }) cardId!: string;
  @ApiProperty({ enum: ['warning', 'yellow', 'red'], example: 'yellow' }) level!:
    'warning' | 'yellow' | 'red';
  @ApiProperty({ example: '2026-03-09T17:31:00+08:00' }) issuedAt!: string;
  @ApiPropertyOptional({ example: '因申请材料需跨部门核验，导致超期。' }) explanation?: string;
  @ApiPropertyOptional({ example: false }) revoked?: boolean;
}

export class ApplicantView {
  @ApiProperty({ enum: ['person', 'company'], example: 'person' }) kind!: 'person' | 'company';
  @ApiProperty({ example: '张*' }) name!: string;
  @ApiPropertyOptional({ example: '110************234' }) idNumber?: string;
  @ApiPropertyOptional({ example: '1********00' }) phone?: string;
}

/** What `level` means (apps/api/README.md "What the answers mean"). */
export const LEVEL_DESCRIPTION =
  'The supervision level of the case now (C1–C3), assessed at the moment of the query: "warning" when its deadline ' +
  'is near, "yellow" once it has passed, "red" once it is 3 working days overdue or a yellow card’s explanation is late. ' +
  'A card a supervisor revoked no longer counts (C4): the level falls to the highest one not revoked. ' +
  'A closed case (completed, rejected, withdrawn) is no longer supervised: its level is "normal" and `closedLevel` ' +
  'says the level it closed at.';

export class CaseView {
  @ApiProperty({ example: '5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) caseId!: string;
  @ApiProperty({ example: 'accepted' }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'center-1' }) centerId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'M-001' }) matterCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'u-guide' }) firstResponderId!: string | null;
  @ApiProperty({ type: ApplicantView, nullable: true }) applicant!: ApplicantView | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-02T10:00:00+08:00' }) receivedAt!:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-02T10:00:00+08:00' }) acceptedAt!:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['immediate', 'promised', 'escalated'],
    example: 'promised',
  })
  kind!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 5 }) limitDays!: number | null;
  @ApiPropertyOptional({ type: Number, example: 30, description: 'Immediate cases (T3)' })
  limitMinutes?: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-09T17:30:00+08:00' }) deadline!:
    string | null;
  @ApiProperty({ example: false }) provisional!: boolean;
  @ApiProperty({ example: false }) suspendedNow!: boolean;
  @ApiProperty({ example: false }) extended!: boolean;
  @ApiProperty({
    enum: ['normal', 'warning', 'yellow', 'red'],
    example: 'normal',
    description: LEVEL_DESCRIPTION,
  })
  level!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['normal', 'warning', 'yellow', 'red'],
    example: null,
    description:
      'The level the case closed at (completed late: "yellow" or "red"); null while the case is open.',
  })
  closedLevel!: string | null;
  @ApiProperty({ type: [CaseCardView] }) cards!: CaseCardView[];
  @ApiProperty({ type: [String], example: ['LATE_NOTICE'] }) flags!: string[];
  @ApiProperty({ example: 2 }) revision!: number;
  @ApiProperty({ type: String, nullable: true, example: '00000000000000000750:00000000000000000012' })
  position!: string | null;
}

/** What the view reads of the configuration in force: the policy and the case's office clock. */
export interface CaseViewConfiguration {
  policy(): TimelinessPolicy;
  officeClock(centerId: string | undefined): OfficeClock;
}

const iso = (t: number | undefined): string | null => (t === undefined ? null : toShanghaiIso(t));

export function caseView(
  recorded: readonly RecordedEvent[],
  state: CaseState,
  reader: Actor,
  configuration: CaseViewConfiguration,
  at: number,
): CaseView {
  const events = recorded.map(toCaseEvent);
  const explanations = new Map<string, string>();
  let matterCode: string | undefined;
  for (const e of events as readonly CaseEvent[]) {
    if (e.type === 'ExplanationSubmitted') explanations.set(e.data.cardId, e.data.text);
    if (e.type === 'InquiryRegistered') matterCode = e.data.matterCode;
  }
  const applicant: Applicant | undefined = state.applicant;
  const last = recorded[recorded.length - 1];
  return {
    caseId: state.caseId ?? '',
    status: state.status,
    centerId: state.centerId ?? null,
    matterCode: state.matter?.code ?? matterCode ?? null,
    departmentId: state.departmentId ?? null,
    windowId: state.windowId ?? null,
    firstResponderId: state.firstResponder?.id ?? null,
    applicant: applicant ? (reader.role === 'auditor' ? applicant : maskApplicant(applicant)) : null,
    receivedAt: iso(state.receivedAt),
    acceptedAt: iso(state.acceptance?.acceptedAt),
    kind: state.matter?.kind ?? null,
    limitDays: state.acceptance?.limitDays ?? null,
    ...(state.acceptance?.limitMinutes !== undefined && { limitMinutes: state.acceptance.limitMinutes }),
    deadline: iso(state.deadline),
    provisional: state.provisional,
    suspendedNow: currentSuspension(state) !== undefined,
    extended: state.extension !== undefined,
    ...caseLevel(state, configuration.policy(), configuration.officeClock(state.centerId), at),
    cards: state.cards.map((c) => ({
      cardId: c.cardId,
      level: c.level,
      issuedAt: toShanghaiIso(c.issuedAt),
      ...(explanations.has(c.cardId) && { explanation: explanations.get(c.cardId)! }),
      ...(c.revokedAt !== undefined && { revoked: true }),
    })),
    flags: [...new Set(detectViolations(events).map((v) => v.code))],
    revision: state.revision,
    position: last?.position ?? null,
  };
}

/** U4: the state from the events whose business time is at or before `at` (occurredAt never decreases, U2). */
export function stateAsOf(
  recorded: readonly RecordedEvent[],
  at: number,
): { state: CaseState; upTo: RecordedEvent[] } {
  let state = initialState;
  const upTo: RecordedEvent[] = [];
  for (const r of recorded) {
    if (Date.parse(r.occurredAt) > at) break;
    state = evolve(state, toCaseEvent(r));
    upTo.push(r);
  }
  return { state, upTo };
}
