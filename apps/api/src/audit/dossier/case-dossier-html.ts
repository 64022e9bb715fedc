/**
 * The dossier as a printable HTML page (Accept: text/html or ?format=html): one self-contained
 * document, inline CSS with print rules, Chinese labels. Every value is escaped; cards, violations
 * and actions link to the timeline rows of the events they come from (#ev-<eventId>).
 */
import { label, LEVEL_LABELS, STATUS_LABELS } from '../audit-labels.js';
import type { CaseDossier, DossierActor, DossierEntry } from './case-dossier.js';
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

const CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;font-size:13px;color:#222;margin:24px;}
h1{font-size:20px;margin:0 0 4px;} h2{font-size:15px;border-bottom:2px solid #a33;padding-bottom:2px;margin:22px 0 8px;}
.meta,.muted{color:#666;font-size:12px;} table{border-collapse:collapse;width:100%;margin:4px 0;}
th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top;} th{background:#f3f3f3;white-space:nowrap;}
table.facts th{width:9em;} .empty{color:#888;font-style:italic;} .ok{color:#170;font-weight:bold;} .broken{color:#b00;font-weight:bold;}
.lvl-warning{color:#b70;font-weight:bold;} .lvl-yellow{color:#a80;font-weight:bold;background:#fff6c8;} .lvl-red{color:#b00;font-weight:bold;background:#fde2e2;}
.backdated{background:#fff2e0;} code{font-size:11px;word-break:break-all;white-space:pre-wrap;}
tr:target{outline:2px solid #36c;}
@media print{body{margin:0;font-size:11px;} a{color:inherit;text-decoration:none;} h2{break-after:avoid;} tr{break-inside:avoid;} .noprint{display:none;}}
`;

export function caseDossierHtml(d: CaseDossier): string {
  const c = d.case;
  const applicant = c.applicant
    ? `${e(c.applicant.name)}${c.applicant.idNumber ? `，证件号 ${e(c.applicant.idNumber)}` : ''}${c.applicant.phone ? `，电话 ${e(c.applicant.phone)}` : ''}`
    : '—';
  const facts: [string, string][] = [
    ['办件编号', e(c.caseId)],
    ['状态', e(label(STATUS_LABELS, c.status))],
    ['服务中心', e(c.centerId ?? '—')],
    ['事项', e(c.matterCode ?? '—')],
    ['部门 / 窗口', `${e(c.departmentId ?? '—')} / ${e(c.windowId ?? '—')}`],
    ['首问责任人', e(c.firstResponderId ?? '—')],
    ['申请人', applicant],
    ['收件时间', time(c.receivedAt)],
    ['受理时间', time(c.acceptedAt)],
    [
      '办件类型 / 时限',
      `${e(c.kind ?? '—')} / ${c.limitDays !== null ? `${e(c.limitDays)} 个工作日` : c.limitMinutes !== undefined ? `${e(c.limitMinutes)} 分钟` : '—'}`,
    ],
    [
      '承诺办结时间',
      `${time(c.deadline)}${c.provisional ? '（临时，日历未发布）' : ''}${c.extended ? '（已延期）' : ''}${c.suspendedNow ? '（特殊环节中）' : ''}`,
    ],
    ['当前等级', `<span class="lvl-${e(c.level)}">${e(label(LEVEL_LABELS, c.level))}</span>`],
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
    `<code>${e(JSON.stringify(t.data))}</code>`,
    `<span class="muted">${e(t.eventId)}<br>因：${e(t.causationId ?? '—')}<br>${e(t.hash.slice(0, 16))}…</span>`,
  ]);
  const timelineRows = d.timeline
    .map(
      (t, i) =>
        `<tr id="ev-${e(t.eventId)}"${t.backdated ? ' class="backdated"' : ''}>${timeline[i]!.map((c) => `<td>${c}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>办件档案 ${e(d.caseId)}</title><style>${CSS}</style></head><body>
<h1>办件档案</h1>
<p class="meta">办件 ${e(d.caseId)} · 生成于 ${time(d.generatedAt)} · 查阅人 ${e(d.reader.name)}（${e(d.reader.role)}）${d.personalDataMasked ? ' · 个人信息已脱敏' : ''}</p>
<h2>基本信息</h2>
<table class="facts"><tbody>${facts.map(([k, v]) => `<tr><th>${e(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>
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
</body></html>
`;
}
