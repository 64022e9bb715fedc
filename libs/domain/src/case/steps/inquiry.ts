import { toShanghaiIso } from '../../calendar/index.js';
import { refuse } from '../../errors/domain-error.js';
import { blank, illegal, invalid, type Step } from './step-tools.js';

/** F1: an inquiry opens the case; whoever registers it is its first responder. */
export const registerInquiry: Step<'RegisterInquiry'> = (command, _state, { event }) => {
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
};

export const answerInquiry: Step<'AnswerInquiry'> = (command, state, { event }) => {
  if (state.status !== 'inquiry' && state.status !== 'referred') return illegal(state, 'an answer');
  if (blank(command.answer)) return invalid('answer', 'The answer must not be empty.');
  return [event('InquiryAnswered', { answer: command.answer })];
};

/** F2: a referral names the receiving department, a handler and a phone; F3: it is followed up. */
export const referInquiry: Step<'ReferInquiry'> = (command, state, { event, workingDaysLater, context }) => {
  if (state.status === 'referred')
    return refuse('F2_REFERRAL_ALREADY_MADE', 'This inquiry has already been referred; follow it up (F3).');
  if (state.status !== 'inquiry') return illegal(state, 'a referral');
  if (blank(command.toDepartmentId) || blank(command.handlerName) || blank(command.handlerPhone))
    return refuse(
      'F2_REFERRAL_WITHOUT_HANDLER',
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
      followUpDueAt: toShanghaiIso(workingDaysLater(context.policy.referralFollowUpDays)), // F3
    }),
  ];
};
