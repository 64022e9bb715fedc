/** evolve for the steps of a case from inquiry to decision (F, N, T): one handler per event type. */
import { parseInstant } from '../../calendar/index.js';
import type { Evolvers } from './step-tools.js';

const at = (iso: string): number => parseInstant(iso);

export const CASE_STEP_EVOLVERS = {
  InquiryRegistered: (s, event, occurred) => {
    const d = event.data;
    return {
      ...s,
      status: 'inquiry',
      caseId: d.caseId,
      centerId: d.centerId,
      channel: d.channel,
      applicant: d.applicant,
      firstResponder: d.firstResponder,
      inquiredAt: occurred,
    };
  },
  InquiryAnswered: (s, _event, occurred) => ({
    ...s,
    status: 'answered',
    closedAt: occurred,
    referral: s.referral && { ...s.referral, closedAt: s.referral.closedAt ?? occurred },
  }),
  InquiryReferred: (s, event, occurred) => {
    const d = event.data;
    return {
      ...s,
      status: 'referred',
      referral: {
        toDepartmentId: d.toDepartmentId,
        ...(d.toWindowId !== undefined && { toWindowId: d.toWindowId }),
        handlerName: d.handlerName,
        referredAt: occurred,
        followUpDueAt: at(d.followUpDueAt),
      },
    };
  },
  ApplicationReceived: (s, event, occurred) => {
    const d = event.data;
    return {
      ...s,
      status: 'received',
      matter: d.matter,
      departmentId: d.departmentId,
      ...(d.windowId !== undefined && { windowId: d.windowId }),
      ...(event.actor.role === 'proxy' && { proxyId: event.actor.id }),
      receivedAt: occurred,
      noticeDueAt: at(d.noticeDueAt),
      submittedMaterialCodes: d.materials.map((m) => m.code),
      referral: s.referral && { ...s.referral, closedAt: s.referral.closedAt ?? occurred },
    };
  },
  SupplementRequested: (s, event, occurred) => {
    const d = event.data;
    return {
      ...s,
      status: 'awaitingSupplement',
      notices: [
        ...s.notices,
        {
          noticeNo: d.noticeNo,
          sequence: d.sequence,
          issuedAt: occurred,
          late: d.late,
          repeated: d.repeated,
        },
      ],
    };
  },
  SupplementReceived: (s, event) => {
    const known = new Set(s.submittedMaterialCodes);
    const fresh = event.data.materials.filter((m) => !known.has(m.code));
    return {
      ...s,
      status: 'received',
      resubmittedMaterials: fresh,
      submittedMaterialCodes: [...s.submittedMaterialCodes, ...fresh.map((m) => m.code)],
    };
  },
  ApplicationRejected: (s, _event, occurred) => ({ ...s, status: 'rejected', closedAt: occurred }),
  ApplicationAccepted: (s, event, occurred) => {
    const d = event.data;
    const deadline = at(d.deadline);
    return {
      ...s,
      status: 'accepted',
      acceptance: {
        receiptNo: d.receiptNo,
        acceptedAt: occurred,
        clockStartsAt: at(d.clockStartsAt),
        ...(d.limitDays !== undefined && { limitDays: d.limitDays }),
        ...(d.limitMinutes !== undefined && { limitMinutes: d.limitMinutes }),
        originalDeadline: deadline,
      },
      deadline,
      provisional: d.provisional,
      calendarVersion: d.calendarVersion,
      policyVersion: d.policyVersion,
      ...(d.preliminaryReviewDueAt !== undefined && {
        preliminaryReview: { dueAt: at(d.preliminaryReviewDueAt) },
      }),
      // A proxy's application has no window until a window accepts it; cards and A2 ledgers need one.
      ...(s.windowId === undefined &&
        event.actor.windowId !== undefined && { windowId: event.actor.windowId }),
    };
  },
  CaseSuspended: (s, event, occurred) => ({
    ...s,
    status: 'suspended',
    suspensions: [
      ...s.suspensions,
      {
        suspensionNo: event.data.suspensionNo,
        suspensionType: event.data.suspensionType,
        suspendedAt: occurred,
      },
    ],
  }),
  CaseResumed: (s, event, occurred) => ({
    ...s,
    status: 'accepted',
    suspensions: s.suspensions.map((p) =>
      p.suspensionNo === event.data.suspensionNo ? { ...p, resumedAt: occurred } : p,
    ),
    deadline: at(event.data.deadline),
    provisional: event.data.provisional,
    calendarVersion: event.data.calendarVersion,
  }),
  ExtensionGranted: (s, event, occurred) => ({
    ...s,
    extension: {
      days: event.data.days,
      grantedAt: occurred,
      previousDeadline: at(event.data.previousDeadline),
    },
    deadline: at(event.data.deadline),
    provisional: event.data.provisional,
    calendarVersion: event.data.calendarVersion,
  }),
  CaseCompleted: (s, event, occurred) => {
    // T12: an approval waits for delivery; a denial (and every version-1 decision) closes the case.
    const pending = event.data.delivery === 'pending';
    return {
      ...s,
      status: pending ? 'decided' : 'completed',
      completedAt: occurred,
      ...(!pending && { closedAt: occurred }),
      onTime: event.data.onTime,
      decision: {
        outcome: event.data.outcome,
        decidedAt: occurred,
        ...(event.data.deliveryDueAt !== undefined && { deliveryDueAt: at(event.data.deliveryDueAt) }),
      },
    };
  },
  CaseWithdrawn: (s, _event, occurred) => ({
    ...s,
    status: 'withdrawn',
    closedAt: occurred,
    suspensions: s.suspensions.map((p) => (p.resumedAt === undefined ? { ...p, resumedAt: occurred } : p)),
  }),
} satisfies Partial<Evolvers>;
