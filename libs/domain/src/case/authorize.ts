import type { Actor, Role } from '../actor/actor.js';
import { domainError, type DomainError } from '../errors/domain-error.js';
import type { CaseCommand, CaseCommandType } from './case-commands.js';
import type { CaseState } from './case-state.js';

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

const forbidden = (detail: string): DomainError =>
  domainError('ROLE_NOT_ALLOWED', 'forbidden', '无权执行该操作', detail);
const outOfScope = (detail: string): DomainError =>
  domainError('OUT_OF_SCOPE', 'forbidden', '超出职责范围', detail);

/**
 * Whether `actor` may issue `command` on this case: role, center, and department scope (window and
 * approver act on their own department's cases, a proxy on the cases it submitted).
 * `departmentOfNewApplication` is the matter's department when the command is an application.
 */
export function authorize(
  command: CaseCommand,
  state: CaseState,
  departmentOfNewApplication?: string,
): DomainError | undefined {
  const actor: Actor = command.actor;
  const allowed = COMMAND_ROLES[command.type];
  if (actor.role === 'auditor') return forbidden('Auditors have read-only access and never record steps.');
  if (allowed === 'firstResponder') {
    const isFirst = state.firstResponder?.id === actor.id;
    const isReferredHandler =
      command.type === 'AnswerInquiry' &&
      state.status === 'referred' &&
      actor.departmentId !== undefined &&
      actor.departmentId === state.referral?.toDepartmentId;
    if (state.status !== 'none' && !isFirst && !isReferredHandler)
      return domainError(
        'F1_NOT_FIRST_RESPONDER',
        'forbidden',
        '仅首问责任人可办理',
        `Only the first responder (${state.firstResponder?.name ?? 'unknown'}) may ${command.type === 'ReferInquiry' ? 'refer' : 'answer'} this inquiry (F1).`,
      );
  } else if (!allowed.includes(actor.role)) {
    return forbidden(`Role '${actor.role}' may not issue ${command.type}; allowed: ${allowed.join(', ')}.`);
  }

  const centerId = command.type === 'RegisterInquiry' ? command.centerId : state.centerId;
  if (
    actor.role !== 'system' &&
    actor.centerId !== undefined &&
    centerId !== undefined &&
    actor.centerId !== centerId
  )
    return outOfScope(
      `The case belongs to center ${centerId}; the actor works for center ${actor.centerId}.`,
    );

  const department = departmentOfNewApplication ?? state.departmentId;
  // An explanation is checked against the card's own department instead (C5, in decide).
  const departmentScoped = DEPARTMENT_SCOPED.includes(actor.role) && command.type !== 'ExplainCard';
  if (departmentScoped && department !== undefined && actor.departmentId !== department)
    return outOfScope(
      `The case belongs to department ${department}; a ${actor.role} of department ${actor.departmentId ?? 'none'} may not act on it.`,
    );
  if (
    actor.role === 'proxy' &&
    command.type !== 'SubmitApplication' &&
    command.type !== 'RegisterInquiry' &&
    command.type !== 'FileComplaint' &&
    command.type !== 'SubmitEvaluation' &&
    state.proxyId !== undefined &&
    state.proxyId !== actor.id
  )
    return outOfScope('A proxy acts only on the cases it submitted (全程代办).');
  return undefined;
}
