import type { EpochMs } from '../calendar/calendar-types.js';
import {
  addOfficeMinutes,
  deadlineAfterWorkingDays,
  officeMinutesBetween,
  toShanghaiIso,
  withinInputRange,
} from '../calendar/index.js';
import { domainError, isDomainError, type DomainError } from '../errors/domain-error.js';
import { DEFAULT_IMMEDIATE_LIMIT_MINUTES } from '../catalog/matter.js';
import { assessTimeliness, explanationDueAt } from '../timeliness/assess-timeliness.js';
import { authorize } from './authorize.js';
import type { CaseCommand } from './case-commands.js';
import type { CardFacts, CaseEvent, CaseEventOf, CaseEventType, DeadlineFacts } from './case-events.js';
import { clockStopped, currentSuspension, type CardRecord, type CaseState } from './case-state.js';
import { BACKDATE_TOLERANCE_MS, FUTURE_TOLERANCE_MS, type DecisionContext } from './decision-context.js';
import { appealEvaluation, decideEvaluationAppeal, recordEvaluationCallback } from './steps/bad-review.js';
import { completeCase } from './steps/completion.js';
import { deliverDecision } from './steps/delivery.js';
import { issueEvaluationInvitation, submitEvaluation } from './steps/evaluation.js';
import { completePreliminaryReview } from './steps/preliminary-review.js';
import {
  blank,
  CURRENT_SCHEMA_VERSION,
  illegal,
  invalid,
  notifiedAt,
  outOfBounds,
  rule,
  safeInstant,
  type Decision,
  type StepTools,
} from './steps/step-tools.js';
import { suspendCase } from './steps/suspension.js';
import { STATUTORY_PRELIMINARY_REVIEW_DAYS } from '../timeliness/timeliness-policy.js';

export type { Decision } from './steps/step-tools.js';

/** T3: an immediate matter's limit in office minutes (the default when its definition names none). */
const immediateLimit = (m: { readonly immediateLimitMinutes?: number }): number =>
  m.immediateLimitMinutes ?? DEFAULT_IMMEDIATE_LIMIT_MINUTES;

/**
 * decide(command, state, context) → the events the command records, or the rule it breaks.
 * Pure: time, calendar, policy and catalog data come in through `context`.
 */
export function decide(command: CaseCommand, state: CaseState, context: DecisionContext): Decision {
  if (command.type === 'RegisterInquiry') {
    if (state.status !== 'none')
      return domainError(
        'CASE_ALREADY_EXISTS',
        'conflict',
        '办件已存在',
        `Case ${command.caseId} already exists.`,
      );
  } else if (state.status === 'none') {
    return domainError(
      'CASE_NOT_FOUND',
      'not_found',
      '办件不存在',
      'No case with this id has been registered.',
    );
  }
  // T14: a clock outside 2000–2099 (a manual one moved too far) records nothing.
  if (!withinInputRange(context.now)) return outOfBounds('now');
  const denied = authorize(
    command,
    state,
    command.type === 'SubmitApplication' ? context.matter?.departmentId : undefined,
  );
  if (denied) return denied;

  const when = resolveOccurredAt(command, state, context.now);
  if (typeof when !== 'number') return when;
  const { clock, policy } = context;
  const iso = toShanghaiIso;
  const event = <T extends CaseEventType>(type: T, data: CaseEventOf<T>['data']): CaseEvent =>
    ({
      type,
      schemaVersion: CURRENT_SCHEMA_VERSION[type] ?? 1,
      occurredAt: iso(when),
      actor: command.actor,
      data: blank(command.lateEntryReason)
        ? data
        : { ...data, lateEntryReason: command.lateEntryReason!.trim() },
    }) as CaseEvent;
  const workingDaysLater = (days: number, from: EpochMs = when): EpochMs =>
    deadlineAfterWorkingDays(clock, from, days).value;
  const tools: StepTools = { when, context, event, workingDaysLater };

  switch (command.type) {
    case 'RegisterInquiry': {
      if (blank(command.question)) return invalid('question', 'The question must not be empty.');
      if (blank(command.applicant.name)) return invalid('applicant.name', 'The applicant must have a name.');
      return [
        event('InquiryRegistered', {
          caseId: command.caseId,
          centerId: command.centerId,
          channel: command.channel,
          applicant: command.applicant,
          question: command.question,
          ...(command.matterCode !== undefined && { matterCode: command.matterCode }),
          firstResponder: command.actor, // F1
        }),
      ];
    }
    case 'AnswerInquiry':
      if (state.status !== 'inquiry' && state.status !== 'referred') return illegal(state, 'an answer');
      if (blank(command.answer)) return invalid('answer', 'The answer must not be empty.');
      return [event('InquiryAnswered', { answer: command.answer })];

    case 'ReferInquiry':
      if (state.status === 'referred')
        return rule(
          'F2_REFERRAL_ALREADY_MADE',
          '已转办',
          'This inquiry has already been referred; follow it up (F3).',
        );
      if (state.status !== 'inquiry') return illegal(state, 'a referral');
      if (blank(command.toDepartmentId) || blank(command.handlerName) || blank(command.handlerPhone))
        return rule(
          'F2_REFERRAL_WITHOUT_HANDLER',
          '转办须写明承办人及联系电话',
          'A referral names the receiving department, a handler and a contact phone (F2).',
          blank(command.handlerName)
            ? 'handlerName'
            : blank(command.handlerPhone)
              ? 'handlerPhone'
              : 'toDepartmentId',
        );
      return [
        event('InquiryReferred', {
          toDepartmentId: command.toDepartmentId,
          ...(command.toWindowId !== undefined && { toWindowId: command.toWindowId }),
          handlerName: command.handlerName,
          handlerPhone: command.handlerPhone,
          ...(command.note !== undefined && { note: command.note }),
          followUpDueAt: iso(workingDaysLater(policy.referralFollowUpDays)), // F3
        }),
      ];

    case 'SubmitApplication': {
      if (state.status !== 'inquiry' && state.status !== 'referred') return illegal(state, 'an application');
      const m = context.matter;
      if (!m || m.code !== command.matterCode)
        // API.md: a body naming something unknown is 422: the case in the path exists.
        return domainError(
          'MATTER_NOT_FOUND',
          'rule',
          '事项不存在',
          `No matter ${command.matterCode} in the catalog.`,
          'matterCode',
        );
      if (command.materials.length === 0)
        return invalid('materials', 'An application hands in at least one material.');
      return [
        event('ApplicationReceived', {
          matter: {
            code: m.code,
            name: m.name,
            departmentId: m.departmentId,
            kind: m.kind,
            statutoryLimitDays: m.statutoryLimitDays,
            promisedLimitDays: m.promisedLimitDays,
            maxExtensionDays: m.maxExtensionDays,
            ...(m.kind === 'immediate' && { immediateLimitMinutes: immediateLimit(m) }),
            joint: m.joint,
          },
          materials: command.materials,
          departmentId: m.departmentId,
          ...(command.actor.role === 'window' &&
            command.actor.windowId !== undefined && { windowId: command.actor.windowId }),
          noticeDueAt: iso(workingDaysLater(policy.supplementNoticeDays)), // N2
        }),
      ];
    }

    case 'RequestSupplement': {
      if (state.status !== 'received') return illegal(state, 'a supplement notice');
      if (blank(command.noticeNo))
        return invalid('noticeNo', 'A supplement notice has a notice number (N1).');
      if (command.items.length === 0)
        return rule(
          'N1_NOTICE_WITHOUT_ITEMS',
          '一次性告知须列明全部补正材料',
          'A supplement notice lists every missing or non-conforming material at once (N1).',
          'items',
        );
      const repeated = state.notices.length > 0;
      if (repeated) {
        const fresh = new Set(state.resubmittedMaterials.map((m) => m.code));
        const old = command.items.filter((i) => !fresh.has(i.code)).map((i) => i.code);
        if (!command.onlyNewMaterials || old.length > 0)
          return rule(
            'N3_REPEATED_NOTICE',
            '违反一次性告知',
            command.onlyNewMaterials
              ? `A second notice may only concern materials first handed in with the resubmission; not: ${old.join(', ')} (N3).`
              : 'This case already had a supplement notice; a second one is allowed only for materials first handed in with the resubmission, and must say so (onlyNewMaterials) (N3).',
            'items',
          );
      }
      return [
        event('SupplementRequested', {
          noticeNo: command.noticeNo,
          sequence: state.notices.length + 1,
          items: command.items,
          onlyNewMaterials: command.onlyNewMaterials ?? false,
          late: !repeated && when > state.noticeDueAt!, // N2
          repeated, // N3: flagged for audit either way
        }),
      ];
    }

    case 'SubmitSupplement':
      if (state.status !== 'awaitingSupplement') return illegal(state, 'a supplement');
      if (command.materials.length === 0)
        return invalid('materials', 'A supplement hands in at least one material.');
      return [event('SupplementReceived', { materials: command.materials })];

    case 'RejectApplication': {
      if (state.status !== 'received' && state.status !== 'awaitingSupplement')
        return illegal(state, 'a rejection');
      const reasons = command.reasons.filter((r) => !blank(r));
      if (reasons.length === 0)
        return rule(
          'N4_REJECTION_WITHOUT_REASON',
          '不予受理须书面说明理由',
          'A rejection gives written reasons (N4).',
          'reasons',
        );
      if (command.outsideCompetence && blank(command.competentAuthority))
        return rule(
          'N4_COMPETENT_AUTHORITY_REQUIRED',
          '须告知有权受理的机关',
          'A matter outside the center’s competence names the competent authority (N4).',
          'competentAuthority',
        );
      if (blank(command.noticeNo)) return invalid('noticeNo', 'A rejection notice has a number.');
      return [
        event('ApplicationRejected', {
          noticeNo: command.noticeNo,
          reasons,
          ...(command.competentAuthority !== undefined && { competentAuthority: command.competentAuthority }),
          outsideCompetence: command.outsideCompetence ?? false,
        }),
      ];
    }

    case 'AcceptApplication': {
      if (state.status !== 'received') return illegal(state, 'an acceptance');
      if (blank(command.receiptNo))
        return rule(
          'N5_RECEIPT_NUMBER_REQUIRED',
          '受理须出具受理回执编号',
          'An acceptance records the receipt number (N5).',
          'receiptNo',
        );
      const m = state.matter!;
      // N2: a late or missing supplement notice means the application counts as accepted at receipt.
      const firstNotice = state.notices[0];
      const noticeLate = firstNotice ? firstNotice.late : when > state.noticeDueAt!;
      const clockStartsAt = noticeLate ? state.receivedAt! : when;
      const facts =
        m.kind === 'immediate'
          ? addOfficeMinutes(clock, clockStartsAt, immediateLimit(m)) // T3
          : deadlineAfterWorkingDays(clock, clockStartsAt, m.promisedLimitDays); // T4, T5, T8
      return [
        event('ApplicationAccepted', {
          receiptNo: command.receiptNo,
          kind: m.kind,
          ...(m.kind === 'immediate'
            ? { limitMinutes: immediateLimit(m) }
            : { limitDays: m.promisedLimitDays }),
          clockStartsAt: iso(clockStartsAt),
          ...deadlineFacts(facts.value, facts.provisional, context), // N5, T9
          ...(m.kind === 'escalated' && {
            preliminaryReviewDueAt: iso(workingDaysLater(STATUTORY_PRELIMINARY_REVIEW_DAYS)), // T13
          }),
        }),
      ];
    }

    case 'SuspendCase':
      return suspendCase(command, state, tools);

    case 'ResumeCase': {
      const open = currentSuspension(state);
      if (state.status !== 'suspended' || !open) return illegal(state, 'a resumption');
      if (open.suspensionNo !== command.suspensionNo)
        return rule(
          'T6_SUSPENSION_NOT_FOUND',
          '特殊环节不存在',
          `The open suspension is number ${open.suspensionNo}, not ${command.suspensionNo}.`,
          'suspensionNo',
        );
      // T6: only office time inside the pause counts, once, however many nights and holidays it spans.
      const minutes = Math.max(0, officeMinutesBetween(clock, open.suspendedAt, when).value);
      const moved = addOfficeMinutes(clock, state.deadline!, minutes);
      return [
        event('CaseResumed', {
          suspensionNo: open.suspensionNo,
          suspendedOfficeMinutes: minutes,
          previousDeadline: iso(state.deadline!),
          ...deadlineFacts(moved.value, moved.provisional || state.provisional, context),
        }),
      ];
    }

    case 'GrantExtension': {
      if (state.status !== 'accepted' && state.status !== 'suspended') return illegal(state, 'an extension');
      const m = state.matter!;
      if (m.kind === 'immediate')
        return rule(
          'T7_NOT_EXTENDABLE',
          '即办件不得延期',
          'An immediate case is done on the spot and cannot be extended (T3, T7).',
        );
      if (state.extension)
        return rule('T7_SECOND_EXTENSION', '办件只能延期一次', 'A case may be extended at most once (T7).');
      if (when > state.deadline!)
        return rule(
          'T7_EXTENSION_AFTER_DEADLINE',
          '已超过办理时限，不得延期',
          `An extension must be granted before the deadline ${iso(state.deadline!)} has passed (T7).`,
        );
      if (!Number.isInteger(command.days) || command.days < 1)
        return invalid('days', 'days is a whole number of working days, at least 1.');
      if (command.days > m.maxExtensionDays)
        return rule(
          'T7_EXTENSION_TOO_LONG',
          '延期天数超过上限',
          `The matter allows at most ${m.maxExtensionDays} working days of extension; ${command.days} asked (T7).`,
          'days',
        );
      if (blank(command.reason) || blank(command.applicantNotifiedAt))
        return rule(
          'T7_EXTENSION_INCOMPLETE',
          '延期须说明理由并告知申请人',
          'An extension records its reason and when and how the applicant was told (T7).',
          blank(command.reason) ? 'reason' : 'applicantNotifiedAt',
        );
      const notified = notifiedAt(command.applicantNotifiedAt, state, context.now);
      if (typeof notified !== 'number') return notified;
      const moved = deadlineAfterWorkingDays(clock, state.deadline!, command.days);
      return [
        event('ExtensionGranted', {
          days: command.days,
          reason: command.reason,
          applicantNotifiedAt: iso(notified),
          channel: command.channel,
          previousDeadline: iso(state.deadline!),
          ...deadlineFacts(moved.value, moved.provisional || state.provisional, context),
        }),
      ];
    }

    case 'CompleteCase':
      return completeCase(command, state, tools);

    case 'WithdrawCase':
      // An application is withdrawn before its decision; a decided approval awaits only delivery (T12).
      if (clockStopped(state)) return illegal(state, 'a withdrawal');
      if (blank(command.reason)) return invalid('reason', 'A withdrawal records its reason.');
      return [event('CaseWithdrawn', { reason: command.reason })];

    case 'FileComplaint':
      if (blank(command.channel) || blank(command.content))
        return rule(
          'P1_COMPLAINT_INCOMPLETE',
          '投诉须写明渠道、对象和内容',
          'A complaint records its channel, subject and content (P1).',
          blank(command.channel) ? 'channel' : 'content',
        );
      if (state.complaints.some((c) => c.complaintId === command.complaintId))
        return domainError(
          'CASE_ALREADY_EXISTS',
          'conflict',
          '投诉已存在',
          `Complaint ${command.complaintId} already exists.`,
        );
      return [
        event('ComplaintFiled', {
          complaintId: command.complaintId,
          channel: command.channel,
          subject: command.subject,
          content: command.content,
          dueAt: iso(workingDaysLater(policy.complaintDays)), // P2
          ...(state.centerId !== undefined && { centerId: state.centerId }),
        }),
      ];

    case 'ConcludeComplaint': {
      const c = state.complaints.find((x) => x.complaintId === command.complaintId);
      if (!c)
        return domainError(
          'P2_COMPLAINT_NOT_FOUND',
          'not_found',
          '投诉不存在',
          `No complaint ${command.complaintId} on this case.`,
        );
      if (c.concludedAt !== undefined)
        return rule(
          'P2_COMPLAINT_ALREADY_CONCLUDED',
          '投诉已办结',
          'This complaint has already been concluded (P2).',
        );
      if (blank(command.reply))
        return invalid('reply', 'A conclusion carries the reply to the complainant (P2).');
      return [
        event('ComplaintConcluded', {
          complaintId: c.complaintId,
          substantiated: command.substantiated,
          reply: command.reply,
          late: when > c.dueAt,
        }),
      ];
    }

    case 'SubmitEvaluation':
      return submitEvaluation(command, state, tools);

    case 'RectifyEvaluation': {
      const e = state.evaluations.find((x) => x.evaluationNo === command.evaluationNo);
      if (!e)
        return domainError(
          'P4_EVALUATION_NOT_FOUND',
          'not_found',
          '评价不存在',
          `No evaluation ${command.evaluationNo} on this case.`,
        );
      if (e.rectifyBy === undefined)
        return rule(
          'P4_RECTIFICATION_NOT_NEEDED',
          '非差评无需整改',
          'Only bad reviews (score 1 or 2) are verified and rectified (P4).',
        );
      if (e.rectifiedAt !== undefined)
        return rule('P4_ALREADY_RECTIFIED', '差评已整改', 'This bad review has already been handled (P4).');
      if (blank(command.action)) return invalid('action', 'A rectification says what was done.');
      return [
        event('EvaluationRectified', {
          evaluationNo: e.evaluationNo,
          valid: command.valid,
          action: command.action,
          late: when > e.rectifyBy,
        }),
      ];
    }

    case 'ExplainCard': {
      const card = standingCard(state, command.cardId);
      if (isDomainError(card)) return card;
      if (card.explanationDueAt === undefined)
        return rule(
          'C5_EXPLANATION_NOT_NEEDED',
          '预警无需书面说明',
          'Only yellow and red cards need a written explanation (C5).',
        );
      if (card.explainedAt !== undefined)
        return rule(
          'C5_EXPLANATION_ALREADY_GIVEN',
          '已提交书面说明',
          'This card has already been explained (C5).',
        );
      if (command.actor.departmentId !== card.departmentId)
        return rule(
          'C5_EXPLANATION_WRONG_DEPARTMENT',
          '须由被亮牌部门作出说明',
          `The explanation comes from the card's department ${card.departmentId ?? '(none)'} (C5).`,
        );
      if (blank(command.text)) return invalid('text', 'An explanation must not be empty.');
      return [
        event('ExplanationSubmitted', {
          cardId: card.cardId,
          text: command.text,
          late: when > card.explanationDueAt,
        }),
      ];
    }

    case 'RevokeCard': {
      const card = standingCard(state, command.cardId);
      if (isDomainError(card)) return card;
      if (blank(command.reason))
        return rule(
          'C4_REVOCATION_REASON_REQUIRED',
          '撤销须说明理由',
          'A card is revoked only with a reason (C4).',
          'reason',
        );
      return [event('CardRevoked', { cardId: card.cardId, reason: command.reason })];
    }

    case 'RecordAccountabilityAction':
      if (!command.knownViolationIds.includes(command.violationId))
        return domainError(
          'A3_VIOLATION_NOT_FOUND',
          'not_found',
          '违规记录不存在',
          `No violation ${command.violationId} was detected on this case (A1).`,
          'violationId',
        );
      if (blank(command.note))
        return rule(
          'A3_ACTION_INCOMPLETE',
          '须写明追责说明',
          'An accountability action records a note (A3).',
          'note',
        );
      if (state.actionIds.includes(command.actionId))
        return domainError(
          'CASE_ALREADY_EXISTS',
          'conflict',
          '追责记录已存在',
          `Action ${command.actionId} already exists.`,
        );
      return [
        event('AccountabilityActionRecorded', {
          actionId: command.actionId,
          violationId: command.violationId,
          action: command.action,
          note: command.note,
        }),
      ];

    case 'RunSupervisionCheck':
      return superviseCase(state, context, event);

    case 'RecommendPublicCriticism':
      if (
        state.publicCriticismRecommended ||
        command.lateCaseIds.length === 0 ||
        state.departmentId === undefined
      )
        return [];
      return [
        event('PublicCriticismRecommended', {
          departmentId: state.departmentId,
          lateCaseIds: command.lateCaseIds,
          policyVersion: policy.version,
        }),
      ];

    case 'DeliverDecision':
      return deliverDecision(command, state, tools);
    case 'CompletePreliminaryReview':
      return completePreliminaryReview(command, state, tools);
    case 'IssueEvaluationInvitation':
      return issueEvaluationInvitation(command, state, tools);
    case 'RecordEvaluationCallback':
      return recordEvaluationCallback(command, state, tools);
    case 'AppealEvaluation':
      return appealEvaluation(command, state, tools);
    case 'DecideEvaluationAppeal':
      return decideEvaluationAppeal(command, state, tools);
  }
}

function deadlineFacts(deadline: EpochMs, provisional: boolean, context: DecisionContext): DeadlineFacts {
  return {
    deadline: toShanghaiIso(deadline),
    calendarVersion: context.clock.calendar.version,
    policyVersion: context.policy.version,
    provisional,
  };
}

/** C1–C5, T10, F3: the cards, flags and warnings that are due and not yet in the stream. */
function superviseCase(
  state: CaseState,
  context: DecisionContext,
  event: <T extends CaseEventType>(type: T, data: CaseEventOf<T>['data']) => CaseEvent,
): readonly CaseEvent[] {
  const { clock, policy, now } = context;
  const assessment = assessTimeliness(state, policy, clock, now);
  const out: CaseEvent[] = [];
  for (const card of assessment.dueCards) {
    const facts: CardFacts = {
      cardId: card.cardId,
      level: card.level,
      deadline: toShanghaiIso(card.deadline),
      cause: card.cause,
      ...(state.departmentId !== undefined && { departmentId: state.departmentId }),
      ...(state.windowId !== undefined && { windowId: state.windowId }),
      policyVersion: policy.version,
      remainingMinutes: card.remainingMinutes,
      ...(card.level !== 'warning' && {
        explanationDueAt: toShanghaiIso(explanationDueAt(clock, policy, now)),
      }),
    };
    out.push(
      event(
        card.level === 'warning'
          ? 'WarningIssued'
          : card.level === 'yellow'
            ? 'YellowCardIssued'
            : 'RedCardIssued',
        facts,
      ),
    );
  }
  for (const s of assessment.overdueSteps)
    if (!s.raised)
      out.push(
        event('StepOverdueFlagged', {
          step: s.step,
          ref: s.ref,
          dueAt: toShanghaiIso(s.dueAt),
          policyVersion: policy.version,
        }),
      );
  if (assessment.referralFollowUpDue)
    out.push(
      event('ReferralFollowUpWarningIssued', {
        firstResponderId: state.firstResponder!.id,
        dueAt: toShanghaiIso(assessment.referralFollowUpDue.dueAt),
        policyVersion: policy.version,
      }),
    );
  return out;
}

/** The card a command names, unless it does not exist or a supervisor has revoked it (C4). */
function standingCard(state: CaseState, cardId: string): CardRecord | DomainError {
  const card = state.cards.find((c) => c.cardId === cardId);
  if (!card)
    return domainError('C4_CARD_NOT_FOUND', 'not_found', '亮牌记录不存在', `No card ${cardId} on this case.`);
  if (card.revokedAt !== undefined)
    return rule('C4_CARD_ALREADY_REVOKED', '该牌已撤销', 'This card has been revoked by a supervisor (C4).');
  return card;
}

/**
 * U2: business time defaults to now, but never to before the case's previous step (a manual clock
 * restarted behind the store's latest event, or a system clock set back, must not reorder a case's
 * steps); a back-dated entry needs a reason; the future is refused.
 */
function resolveOccurredAt(command: CaseCommand, state: CaseState, now: EpochMs): EpochMs | DomainError {
  if (command.occurredAt === undefined) return Math.max(now, state.lastOccurredAt ?? now);
  const t = safeInstant(command.occurredAt);
  if (t === undefined) return invalid('occurredAt', 'occurredAt is not an ISO-8601 instant with offset.');
  if (!withinInputRange(t)) return outOfBounds('occurredAt');
  if (t > now + FUTURE_TOLERANCE_MS)
    return rule(
      'U2_OCCURRED_IN_FUTURE',
      '业务时间不能晚于当前时间',
      'occurredAt lies in the future (U2).',
      'occurredAt',
    );
  if (now - t > BACKDATE_TOLERANCE_MS && blank(command.lateEntryReason))
    return rule(
      'U2_LATE_ENTRY_REASON_REQUIRED',
      '补录须说明理由',
      'An entry more than 10 minutes in the past is a back-dated entry (补录) and needs lateEntryReason (U2).',
      'lateEntryReason',
    );
  if (state.lastOccurredAt !== undefined && t < state.lastOccurredAt)
    return rule(
      'U2_OCCURRED_BEFORE_PREVIOUS_STEP',
      '业务时间早于上一环节',
      `occurredAt is earlier than the case's previous step at ${toShanghaiIso(state.lastOccurredAt)}.`,
      'occurredAt',
    );
  return Math.min(t, now);
}
