import type { Actor, Role } from '../actor/actor.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import type { CaseCommand, CaseCommandType } from './case-commands.js';
import type { CaseState } from './case-state.js';
import { caseNotVisible, caseVisibleTo } from './may-read.js';

const ANY_STAFF: readonly Role[] = ['guide', 'proxy', 'window', 'approver', 'supervisor', 'admin'];

/**
 * The role matrix of DOMAIN.md "Who uses it" and API.md "Case commands". Auditors appear nowhere:
 * they never write. `firstResponder` commands are checked against the case (F1) instead of a role.
 */
export const COMMAND_ROLES: Record<CaseCommandType, readonly Role[] | 'firstResponder'> = {
  RegisterInquiry: ['guide', 'window', 'proxy'],
  AnswerInquiry: 'firstResponder',
  ReferInquiry: 'firstResponder',
  SubmitApplication: ['window', 'proxy'],
  RequestSupplement: ['window'],
  SubmitSupplement: ['window', 'proxy'],
  RejectApplication: ['window'],
  AcceptApplication: ['window'],
  SuspendCase: ['window'],
  ResumeCase: ['window'],
  GrantExtension: ['approver'],
  CompleteCase: ['window', 'approver'],
  WithdrawCase: ['window', 'proxy'],
  FileComplaint: ANY_STAFF,
  ConcludeComplaint: ['supervisor'],
  // P5: the applicant rates through an invitation; staff enter ratings with their channel.
  SubmitEvaluation: [...ANY_STAFF, 'applicant'],
  RectifyEvaluation: ['supervisor'],
  ExplainCard: ['window', 'approver'],
  RevokeCard: ['supervisor'],
  RecordAccountabilityAction: ['supervisor'],
  RunSupervisionCheck: ['system'],
  RecommendPublicCriticism: ['system'],
  DeliverDecision: ['window'],
  CompletePreliminaryReview: ['window', 'approver'],
  IssueEvaluationInvitation: ['window'],
  RecordEvaluationCallback: ['window', 'approver', 'supervisor'],
  AppealEvaluation: ['approver'],
  DecideEvaluationAppeal: ['supervisor'],
};

const DEPARTMENT_SCOPED: readonly Role[] = ['window', 'approver'];

const forbidden = (detail: string): DomainError => refuse('ROLE_NOT_ALLOWED', detail);
const outOfScope = (detail: string): DomainError => refuse('OUT_OF_SCOPE', detail);

/**
 * Whether `actor` may issue `command` on this case (R1): first whether the case lies in the actor's
 * read scope at all (outside it the case answers as one that does not exist, finding 13), then the
 * role, then the department of a new application. A proxy acts only on the cases it submitted: its
 * scope is its own cases, whether or not the case names a proxy. `departmentOfNewApplication` is
 * the matter's department when the command is an application.
 */
export function authorize(
  command: CaseCommand,
  state: CaseState,
  departmentOfNewApplication?: string,
): DomainError | undefined {
  const actor: Actor = command.actor;
  const allowed = COMMAND_ROLES[command.type];
  if (actor.role === 'system')
    return allowed === 'firstResponder' || !allowed.includes('system')
      ? forbidden(`The supervision process may not issue ${command.type}.`)
      : undefined;
  // P5: an applicant reads no case; the invitation the decider checks is the authority to rate it.
  const invitedRating = actor.role === 'applicant' && command.type === 'SubmitEvaluation';
  if (
    command.type !== 'RegisterInquiry' &&
    !invitedRating &&
    state.status !== 'none' &&
    !caseVisibleTo(actor, state)
  )
    return caseNotVisible();
  if (actor.role === 'auditor') return forbidden('Auditors have read-only access and never record steps.');
  if (allowed === 'firstResponder') {
    const isFirst = state.firstResponder?.id === actor.id;
    const isReferredHandler =
      command.type === 'AnswerInquiry' &&
      state.status === 'referred' &&
      actor.departmentId !== undefined &&
      actor.departmentId === state.referral?.toDepartmentId;
    if (state.status !== 'none' && !isFirst && !isReferredHandler)
      return refuse(
        'F1_NOT_FIRST_RESPONDER',
        `Only the first responder (${state.firstResponder?.name ?? 'unknown'}) may ${command.type === 'ReferInquiry' ? 'refer' : 'answer'} this inquiry (F1).`,
      );
  } else if (!allowed.includes(actor.role)) {
    return forbidden(`Role '${actor.role}' may not issue ${command.type}; allowed: ${allowed.join(', ')}.`);
  }

  // A new inquiry names its center: staff of a center register in their own (R1).
  if (
    command.type === 'RegisterInquiry' &&
    actor.centerId !== undefined &&
    actor.centerId !== command.centerId
  )
    return outOfScope(`You work for center ${actor.centerId}; register inquiries there.`);

  // An application names its matter, whose department must be the window's own (the case's
  // department is judged by the scope above). An explanation is checked against its card (C5).
  const departmentScoped = DEPARTMENT_SCOPED.includes(actor.role) && command.type !== 'ExplainCard';
  if (
    departmentScoped &&
    departmentOfNewApplication !== undefined &&
    actor.departmentId !== departmentOfNewApplication
  )
    return outOfScope(
      `The matter belongs to department ${departmentOfNewApplication}; a ${actor.role} of department ${actor.departmentId ?? 'none'} may not receive it.`,
    );
  return undefined;
}
