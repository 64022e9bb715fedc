/**
 * The dossier as a printable HTML page (Accept: text/html or ?format=html): one self-contained
 * document, inline CSS with print rules, Chinese labels. Every value is escaped; cards, violations
 * and actions link to the timeline rows of the events they come from (#ev-<eventId>).
 */
import { KIND_LABELS, LEVEL_LABELS, STATUS_LABELS } from '#domain/labels/labels.js';
import { label } from '../audit-labels.js';
import type { CaseDossier, DossierActor, DossierEntry } from './case-dossier.js';
import { nameText } from './dossier-names.js';
import { dossierCss } from './dossier-print-css.js';
import { escapeHtml } from './html-escape.js';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

export { escapeHtml };

const e = escapeHtml;
const time = (iso: string | null | undefined): string =>
  iso ? e(iso.replace('T', ' ').replace(/\.\d{3}/, '')) : '—';
const link = (eventId: string, text: string): string => `<a href="#ev-${e(eventId)}">${e(text)}</a>`;
const who = (a: DossierActor): string =>
  `${e(a.name)}<span class="muted">（${e(a.roleLabel)}${a.departmentId ? ` · ${e(a.departmentId)}` : ''}${a.windowId ? ` · ${e(a.windowId)}` : ''}）</span>`;

function table(head: readonly string[], rows: readonly string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${e(empty)}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function caseDossierHtml(d: CaseDossier): string {
  const c = d.case;
  const applicant = c.applicant
    ? `${e(c.applicant.name)}${c.applicant.idNumber ? `，证件号 ${e(c.applicant.idNumber)}` : ''}${c.applicant.phone ? `，电话 ${e(c.applicant.phone)}` : ''}`
    : '—';
  const n = d.names;
  const facts: [string, string][] = [
    ['办件编号', e(c.caseId)],
    ['状态', e(label(STATUS_LABELS, c.status))],
    ['办理结果', e(d.result.summary)],
    ['服务中心', e(nameText(n.center))],
    ['事项', e(nameText(n.matter))],
    ['部门 / 窗口', `${e(nameText(n.department))} / ${e(nameText(n.window))}`],
    ['首问责任人', e(nameText(n.firstResponder))],
    ['申请人', applicant],
    ['收件时间', time(c.receivedAt)],
    ['受理时间', time(c.acceptedAt)],
    [
      '办件类型 / 时限',
      `${e(c.kind === null ? '—' : label(KIND_LABELS, c.kind))} / ${c.limitDays !== null ? `${e(c.limitDays)} 个工作日` : c.limitMinutes !== undefined ? `${e(c.limitMinutes)} 分钟` : '—'}`,
    ],
    [
      '承诺办结时间',
      `${time(c.deadline)}${c.provisional ? '（临时，日历未发布）' : ''}${c.extended ? '（已延期）' : ''}${c.suspendedNow ? '（特殊环节中）' : ''}`,
    ],
    [
      '当前等级',
      c.closedLevel === null
        ? `<span class="lvl-${e(c.level)}">${e(label(LEVEL_LABELS, c.level))}</span>`
        : `已办结，不再监察；办结时等级 <span class="lvl-${e(c.closedLevel)}">${e(label(LEVEL_LABELS, c.closedLevel))}</span>`,
    ],
    ['修订号', e(c.revision)],
  ];
  const deadlines = d.deadlines.map((x) => [
    link(x.eventId, x.label),
    time(x.setAt),
    `<b>${time(x.deadline)}</b>`,
    time(x.previousDeadline),
    x.limitDays !== undefined
      ? `${e(x.limitDays)} 个工作日`
      : x.limitMinutes !== undefined
        ? `${e(x.limitMinutes)} 分钟`
        : x.extensionDays !== undefined
          ? `延期 ${e(x.extensionDays)} 个工作日`
          : x.suspendedOfficeMinutes !== undefined
            ? `暂停 ${e(x.suspendedOfficeMinutes)} 分钟`
            : '—',
    `${e(x.reason ?? '')}${x.applicantNotifiedAt ? `<br><span class="muted">告知：${time(x.applicantNotifiedAt)} ${e(x.channel ?? '')}</span>` : ''}`,
    `${e(x.calendarVersion)}<br>${e(x.policyVersion)}${x.provisional ? '<br>临时' : ''}`,
  ]);
  const cards = d.cards.map((x) => [
    `<span class="lvl-${e(x.level)}">${e(x.levelLabel)}</span><br><span class="muted">${e(x.cardId)}</span>`,
    e(x.cause === 'explanation_overdue' ? '书面说明逾期' : '时效'),
    time(x.deadline),
    time(x.issuedAt),
    time(x.explanationDueAt),
    x.explanation
      ? `${e(x.explanation.text)}<br><span class="muted">${who(x.explanation.by)} ${time(x.explanation.at)}${x.explanation.late ? ' 逾期' : ''}</span>`
      : '—',
    x.revocation
      ? `已撤销：${e(x.revocation.reason)}<br><span class="muted">${who(x.revocation.by)} ${time(x.revocation.at)}</span>`
      : '—',
    x.causedBy.map((id, i) => link(id, i === x.causedBy.length - 1 ? '亮牌事件' : '期限依据')).join('<br>'),
  ]);
  const flags = d.stepFlags.map((x) => [
    e(x.stepLabel),
    e(x.ref),
    time(x.dueAt),
    time(x.flaggedAt),
    link(x.eventId, '事件'),
  ]);
  const violations = d.violations.map((v) => [
    `${e(v.label)}<br><span class="muted">${e(v.code)}（${e(v.rule)}）</span>`,
    `${e(v.staffName ?? v.staffId ?? '—')}<br><span class="muted">${e(v.departmentId ?? '')} ${e(v.windowId ?? '')}</span>`,
    time(v.detectedAt),
    v.evidence.map((x) => link(x.eventId, `#${x.revision ?? '?'} ${x.label || x.eventId}`)).join('<br>'),
    `<span class="muted">${e(v.violationId)}</span>`,
  ]);
  const actions = d.accountabilityActions.map((a) => [
    e(a.actionLabel),
    e(a.note),
    `<span class="muted">${e(a.violationId)}</span>`,
    `${who(a.by)}<br>${time(a.at)}`,
    link(a.eventId, '事件'),
  ]);
  const criticism = d.publicCriticism.map((p) => [
    e(p.departmentId),
    e(p.lateCaseIds.join('、')),
    e(p.policyVersion),
    time(p.at),
    link(p.eventId, '事件'),
  ]);
  const integrity = d.integrity.ok
    ? `<p class="ok">哈希链完整：已校验 ${e(d.integrity.checked)} 条事件，未发现篡改。</p>`
    : `<p class="broken">哈希链断裂：自修订号 ${e(d.integrity.firstBrokenRevision)} 起不可信（共校验 ${e(d.integrity.checked)} 条）。</p>`;
  const timeline = d.timeline.map((t: DossierEntry) => [
    e(t.revision),
    `<b>${e(t.label)}</b><br><span class="muted">${e(t.type)}</span>`,
    time(t.occurredAt),
    time(t.recordedAt),
    who(t.actor),
    t.backdated ? `补录 ${e(t.backdatedMinutes)} 分钟<br>${e(t.lateEntryReason ?? '（未说明理由）')}` : '',
    e(t.summary),
    `<span class="muted">${e(t.eventId)}<br>因：${e(t.causationId ?? '—')}</span><br><span class="hash">${e(t.hash)}</span>`,
  ]);
  const timelineRows = d.timeline
    .map(
      (t, i) =>
        `<tr id="ev-${e(t.eventId)}"${t.backdated ? ' class="backdated"' : ''}>${timeline[i]!.map((c) => `<td>${c}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>办件档案 ${e(d.caseId)}</title><style>${dossierCss(d.caseId)}</style></head><body>
<h1>办件档案</h1>
<p class="result"><b>办理结果</b> ${e(d.result.summary)}</p>
<p class="meta">办件 ${e(d.caseId)} · 生成于 ${time(d.generatedAt)} · 查阅人 ${e(d.reader.name)}（${e(d.reader.role)}）${d.personalDataMasked ? ' · 个人信息已脱敏' : ''}</p>
<h2>基本信息</h2>
<table class="facts"><tbody>${facts.map(([k, v]) => `<tr><th>${e(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>
${unnamed(d)}
<h2>办理时限（告知申请人的期限）</h2>
${table(['依据', '设定时间', '办结期限', '原期限', '时限', '理由 / 告知', '日历 / 策略版本'], deadlines, '尚未受理，无办结期限。')}
<h2>预警与亮牌</h2>
${table(['牌警', '原因', '所依期限', '亮牌时间', '说明期限', '书面说明', '撤销', '依据事件'], cards, '无预警或亮牌。')}
<h2>环节超时</h2>
${table(['环节', '对象', '应完成时间', '标记时间', '事件'], flags, '无环节超时。')}
<h2>违规记录（含证据）</h2>
${table(['违规', '责任人', '发现时间', '证据事件', '编号'], violations, '未发现违规。')}
<h2>责任追究</h2>
${table(['措施', '说明', '违规编号', '决定人', '事件'], actions, '无责任追究记录。')}
<h2>通报批评建议</h2>
${table(['部门', '逾期办件', '策略版本', '时间', '事件'], criticism, '无。')}
<h2>完整性校验</h2>
${integrity}
<h2>全部事件（时间线）</h2>
<table><thead><tr>${['#', '事件', '业务时间', '记录时间', '操作人', '补录', '内容', '编号 / 因果 / 哈希'].map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${timelineRows}</tbody></table>
<div class="sign"><h2>审阅签字</h2><table><tbody>
<tr><th>审阅人（签字）</th><td></td><th>日期</th><td></td></tr>
<tr><th>纪检监察机构（盖章）</th><td></td><th>复核人（签字）</th><td></td></tr>
</tbody></table></div>
</body></html>
`;
}

/** Says which names are codes because nothing configures them (departments, windows). */
function unnamed(d: CaseDossier): string {
  const codes = (
    [
      ['服务中心', d.names.center],
      ['事项', d.names.matter],
      ['部门', d.names.department],
      ['窗口', d.names.window],
    ] as const
  ).filter(([, n]) => n.code !== null && !n.configured);
  return codes.length === 0
    ? ''
    : `<p class="muted">注：${e(codes.map(([what]) => what).join('、'))}未配置名称，以编码显示。</p>`;
}
