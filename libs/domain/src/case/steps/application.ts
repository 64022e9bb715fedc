import { addOfficeMinutes, deadlineAfterWorkingDays, toShanghaiIso } from '../../calendar/index.js';
import { DEFAULT_IMMEDIATE_LIMIT_MINUTES } from '../../catalog/matter.js';
import { refuse } from '../../errors/domain-error.js';
import { STATUTORY_PRELIMINARY_REVIEW_DAYS } from '../../timeliness/timeliness-policy.js';
import { blank, deadlineFacts, illegal, invalid, type Step } from './step-tools.js';

/** T3: an immediate matter's limit in office minutes (the default when its definition names none). */
const immediateLimit = (m: { readonly immediateLimitMinutes?: number }): number =>
  m.immediateLimitMinutes ?? DEFAULT_IMMEDIATE_LIMIT_MINUTES;

/** The application (收件) of a catalogued matter; N2: a supplement notice is due within days. */
export const submitApplication: Step<'SubmitApplication'> = (command, state, tools) => {
  if (state.status !== 'inquiry' && state.status !== 'referred') return illegal(state, 'an application');
  const m = tools.context.matter;
  if (!m || m.code !== command.matterCode)
    // API.md: a body naming something unknown is 422: the case in the path exists.
    return refuse('MATTER_NOT_FOUND', `No matter ${command.matterCode} in the catalog.`, 'matterCode');
  if (command.materials.length === 0)
    return invalid('materials', 'An application hands in at least one material.');
  return [
    tools.event('ApplicationReceived', {
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
      noticeDueAt: toShanghaiIso(tools.workingDaysLater(tools.context.policy.supplementNoticeDays)), // N2
    }),
  ];
};

/** N1: one notice lists every missing material; N2: on time or late; N3: a second only for new ones. */
export const requestSupplement: Step<'RequestSupplement'> = (command, state, { when, event }) => {
  if (state.status !== 'received') return illegal(state, 'a supplement notice');
  if (blank(command.noticeNo)) return invalid('noticeNo', 'A supplement notice has a notice number (N1).');
  if (command.items.length === 0)
    return refuse(
      'N1_NOTICE_WITHOUT_ITEMS',
      'A supplement notice lists every missing or non-conforming material at once (N1).',
      'items',
    );
  const repeated = state.notices.length > 0;
  if (repeated) {
    const fresh = new Set(state.resubmittedMaterials.map((m) => m.code));
    const old = command.items.filter((i) => !fresh.has(i.code)).map((i) => i.code);
    if (!command.onlyNewMaterials || old.length > 0)
      return refuse(
        'N3_REPEATED_NOTICE',
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
};

export const submitSupplement: Step<'SubmitSupplement'> = (command, state, { event }) => {
  if (state.status !== 'awaitingSupplement') return illegal(state, 'a supplement');
  if (command.materials.length === 0)
    return invalid('materials', 'A supplement hands in at least one material.');
  return [event('SupplementReceived', { materials: command.materials })];
};

/** N4: a rejection (不予受理) gives written reasons, and names the competent authority where it is not the center. */
export const rejectApplication: Step<'RejectApplication'> = (command, state, { event }) => {
  if (state.status !== 'received' && state.status !== 'awaitingSupplement')
    return illegal(state, 'a rejection');
  const reasons = command.reasons.filter((r) => !blank(r));
  if (reasons.length === 0)
    return refuse('N4_REJECTION_WITHOUT_REASON', 'A rejection gives written reasons (N4).', 'reasons');
  if (command.outsideCompetence && blank(command.competentAuthority))
    return refuse(
      'N4_COMPETENT_AUTHORITY_REQUIRED',
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
};

/** N5: the acceptance (受理) with its receipt number starts the clock (T3, T4, T5, T8; T13 for escalated cases). */
export const acceptApplication: Step<'AcceptApplication'> = (command, state, tools) => {
  if (state.status !== 'received') return illegal(state, 'an acceptance');
  if (blank(command.receiptNo))
    return refuse(
      'N5_RECEIPT_NUMBER_REQUIRED',
      'An acceptance records the receipt number (N5).',
      'receiptNo',
    );
  const { when, context } = tools;
  const m = state.matter!;
  // N2: a late or missing supplement notice means the application counts as accepted at receipt.
  const firstNotice = state.notices[0];
  const noticeLate = firstNotice ? firstNotice.late : when > state.noticeDueAt!;
  const clockStartsAt = noticeLate ? state.receivedAt! : when;
  const facts =
    m.kind === 'immediate'
      ? addOfficeMinutes(context.clock, clockStartsAt, immediateLimit(m)) // T3
      : deadlineAfterWorkingDays(context.clock, clockStartsAt, m.promisedLimitDays); // T4, T5, T8
  return [
    tools.event('ApplicationAccepted', {
      receiptNo: command.receiptNo,
      kind: m.kind,
      ...(m.kind === 'immediate' ? { limitMinutes: immediateLimit(m) } : { limitDays: m.promisedLimitDays }),
      clockStartsAt: toShanghaiIso(clockStartsAt),
      ...deadlineFacts(facts.value, facts.provisional, context), // N5, T9
      ...(m.kind === 'escalated' && {
        preliminaryReviewDueAt: toShanghaiIso(tools.workingDaysLater(STATUTORY_PRELIMINARY_REVIEW_DAYS)), // T13
      }),
    }),
  ];
};
