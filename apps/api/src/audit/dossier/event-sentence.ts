/**
 * Pure: each event of a case as one readable Chinese sentence for the printed dossier (issue 12),
 * instead of its raw JSON. Built from the data as the reader may see it (applicant masked unless
 * auditor, I1). An event type this file does not know yet reads as its label.
 */
import type { CaseEvent, MaterialRef } from '#domain/case/case-events.js';
import {
  ACTION_LABELS,
  CHANNEL_LABELS,
  EVENT_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  STEP_LABELS,
  SUSPENSION_LABELS,
} from '#domain/labels/labels.js';
import { label } from '../audit-labels.js';

/** `2026-03-09T17:30:00.000+08:00` → `2026-03-09 17:30`. */
export const shortTime = (iso: string | undefined): string =>
  iso === undefined ? '—' : iso.slice(0, 16).replace('T', ' ');

const materials = (list: readonly MaterialRef[]): string =>
  list.map((m) => (m.name ? `${m.name}（${m.code}）` : m.code)).join('、') || '无';
const quoted = (text: string): string => `“${text}”`;
const SCORE_LABELS = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];

export function eventSentence(e: CaseEvent): string {
  // An event type added after this file (a newer schema) still reads as its label.
  const fallback = `${label(EVENT_LABELS, e.type)}。`;
  switch (e.type) {
    case 'InquiryRegistered': {
      const d = e.data;
      const who = `${d.applicant.name}（${d.applicant.kind === 'company' ? '企业' : '个人'}）`;
      return `${who}通过${label(CHANNEL_LABELS, d.channel)}咨询：${quoted(d.question)}；首问责任人${d.firstResponder.name}。`;
    }
    case 'InquiryAnswered':
      return `答复咨询：${quoted(e.data.answer)}。`;
    case 'InquiryReferred': {
      const d = e.data;
      return `转办至${d.toDepartmentId}${d.toWindowId ? ` ${d.toWindowId} 窗口` : ''}，承办人${d.handlerName}（电话 ${d.handlerPhone}）${d.note ? `，附言：${d.note}` : ''}；须于${shortTime(d.followUpDueAt)}前跟踪办理结果。`;
    }
    case 'ApplicationReceived': {
      const d = e.data;
      return `收到“${d.matter.name}”（${d.matter.code}，${label(KIND_LABELS, d.matter.kind)}）申请，材料：${materials(d.materials)}；补正告知须在${shortTime(d.noticeDueAt)}前作出。`;
    }
    case 'SupplementRequested': {
      const d = e.data;
      const items = d.items
        .map(
          (i) =>
            `${i.name}（${i.problem === 'missing' ? '缺少' : '不符合要求'}${i.note ? `：${i.note}` : ''}）`,
        )
        .join('、');
      return `第${d.sequence}次一次性告知补正（通知书 ${d.noticeNo}），需补正：${items}。${d.late ? '告知已逾期。' : ''}`;
    }
    case 'SupplementReceived':
      return `申请人提交补正材料：${materials(e.data.materials)}。`;
    case 'ApplicationRejected': {
      const d = e.data;
      return `不予受理（通知书 ${d.noticeNo}），理由：${d.reasons.join('；')}${d.competentAuthority ? `；已告知向${d.competentAuthority}申请` : ''}。`;
    }
    case 'ApplicationAccepted': {
      const d = e.data;
      const limit = d.limitMinutes !== undefined ? `${d.limitMinutes}分钟` : `${d.limitDays ?? '—'}个工作日`;
      return `受理，受理回执编号 ${d.receiptNo}；${label(KIND_LABELS, d.kind)}，时限${limit}，自${shortTime(d.clockStartsAt)}起计，承诺办结时间${shortTime(d.deadline)}${d.provisional ? '（临时，节假日安排未发布）' : ''}。`;
    }
    case 'CaseSuspended': {
      const d = e.data;
      return `进入特殊环节（第${d.suspensionNo}次，${label(SUSPENSION_LABELS, d.suspensionType)}），理由：${d.reason}；已于${shortTime(d.applicantNotifiedAt)}书面告知申请人，暂停计时。`;
    }
    case 'CaseResumed': {
      const d = e.data;
      return `特殊环节结束，恢复计时；暂停办公时间${d.suspendedOfficeMinutes}分钟，办结期限由${shortTime(d.previousDeadline)}顺延至${shortTime(d.deadline)}。`;
    }
    case 'ExtensionGranted': {
      const d = e.data;
      return `批准延期${d.days}个工作日，理由：${d.reason}；已于${shortTime(d.applicantNotifiedAt)}以${label(CHANNEL_LABELS, d.channel)}方式告知申请人，办结期限由${shortTime(d.previousDeadline)}延至${shortTime(d.deadline)}。`;
    }
    case 'CaseCompleted':
      return `办结：${completionText(e.data)}。`;
    case 'CaseWithdrawn':
      return `申请人撤回申请，理由：${e.data.reason}。`;
    case 'ComplaintFiled': {
      const d = e.data;
      return `收到投诉（${d.complaintId}，渠道：${label(CHANNEL_LABELS, d.channel)}），内容：${quoted(d.content)}；须于${shortTime(d.dueAt)}前办结。`;
    }
    case 'ComplaintConcluded': {
      const d = e.data;
      return `投诉办结（${d.complaintId}）：${d.substantiated ? '属实' : '不属实'}，答复：${quoted(d.reply)}${d.late ? '（逾期办结）' : ''}。`;
    }
    case 'EvaluationSubmitted': {
      const d = e.data;
      return `第${d.evaluationNo}次评价：${d.score}分（${SCORE_LABELS[d.score] ?? ''}）${d.comment ? `，${quoted(d.comment)}` : ''}${d.bad ? `；差评，须于${shortTime(d.rectifyBy)}前核实整改` : ''}。`;
    }
    case 'EvaluationRectified': {
      const d = e.data;
      return `第${d.evaluationNo}次评价（差评）核实整改：${d.valid ? '差评属实' : '差评不属实'}，措施：${d.action}${d.late ? '（逾期）' : ''}。`;
    }
    case 'WarningIssued':
    case 'YellowCardIssued':
    case 'RedCardIssued': {
      const d = e.data;
      const left =
        d.remainingMinutes >= 0
          ? `剩余办公时间${d.remainingMinutes}分钟`
          : `已超期办公时间${-d.remainingMinutes}分钟`;
      return `电子监察亮${label(LEVEL_LABELS, d.level)}（${d.cardId}）：办结期限${shortTime(d.deadline)}，${left}${d.cause === 'explanation_overdue' ? '，因黄牌书面说明逾期' : ''}${d.explanationDueAt ? `；须于${shortTime(d.explanationDueAt)}前作出书面说明` : ''}。`;
    }
    case 'StepOverdueFlagged':
      return `${label(STEP_LABELS, e.data.step)}：${e.data.ref} 应于${shortTime(e.data.dueAt)}前完成，已超时。`;
    case 'ReferralFollowUpWarningIssued':
      return `转办督办提醒：首问责任人应于${shortTime(e.data.dueAt)}前跟踪转办结果。`;
    case 'ExplanationSubmitted':
      return `就${e.data.cardId}作出书面说明：${quoted(e.data.text)}${e.data.late ? '（逾期）' : ''}。`;
    case 'CardRevoked':
      return `督查撤销${e.data.cardId}，理由：${e.data.reason}。`;
    case 'AccountabilityActionRecorded':
      return `责任追究：${label(ACTION_LABELS, e.data.action)}（违规 ${e.data.violationId}），说明：${e.data.note}。`;
    case 'PublicCriticismRecommended':
      return `建议通报批评${e.data.departmentId}：连续逾期办件 ${e.data.lateCaseIds.join('、')}。`;
    default:
      return fallback;
  }
}

/** `准予许可，决定书编号 JD-0001；超期办结（办公时间超出1分钟，期限 2026-03-09 17:30）`. */
export function completionText(d: Extract<CaseEvent, { type: 'CaseCompleted' }>['data']): string {
  const timeliness = d.onTime
    ? `按期办结${d.deadline ? `（期限 ${shortTime(d.deadline)}）` : ''}`
    : `超期办结（办公时间超出${d.overdueMinutes}分钟${d.deadline ? `，期限 ${shortTime(d.deadline)}` : ''}）`;
  return `${label(OUTCOME_LABELS, d.outcome)}，决定书编号 ${d.decisionNo}${d.reasons?.length ? `，理由：${d.reasons.join('；')}` : ''}；${timeliness}`;
}
