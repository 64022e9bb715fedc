/** Complaints about a case (P1, P2): recorded on the case's stream, concluded within days. */
import { toShanghaiIso } from '../../calendar/index.js';
import { ALSO_TITLED } from '../../errors/also-titled.js';
import { refuse } from '../../errors/domain-error.js';
import { alreadyExists, blank, invalid, type Step } from './step-tools.js';

/** P1: a complaint records its channel, subject and content; P2: it is due within working days. */
export const fileComplaint: Step<'FileComplaint'> = (
  command,
  state,
  { event, workingDaysLater, context },
) => {
  if (blank(command.channel) || blank(command.content))
    return refuse(
      'P1_COMPLAINT_INCOMPLETE',
      'A complaint records its channel, subject and content (P1).',
      blank(command.channel) ? 'channel' : 'content',
    );
  if (state.complaints.some((c) => c.complaintId === command.complaintId))
    return alreadyExists('Complaint', command.complaintId, ALSO_TITLED.complaintExists);
  return [
    event('ComplaintFiled', {
      complaintId: command.complaintId,
      channel: command.channel,
      subject: command.subject,
      content: command.content,
      dueAt: toShanghaiIso(workingDaysLater(context.policy.complaintDays)), // P2
      ...(state.centerId !== undefined && { centerId: state.centerId }),
    }),
  ];
};

/** P2: a complaint is concluded once, with the reply to the complainant; later than due is late. */
export const concludeComplaint: Step<'ConcludeComplaint'> = (command, state, { when, event }) => {
  const c = state.complaints.find((x) => x.complaintId === command.complaintId);
  if (!c) return refuse('P2_COMPLAINT_NOT_FOUND', `No complaint ${command.complaintId} on this case.`);
  if (c.concludedAt !== undefined)
    return refuse('P2_COMPLAINT_ALREADY_CONCLUDED', 'This complaint has already been concluded (P2).');
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
};
