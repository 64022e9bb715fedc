/**
 * GET /audit/seals/{id}/export: a seal as a printable page (U7), to be printed, signed, or handed to
 * another authority; everything needed to check it later is on the page.
 */
import type { Seal } from '#infra/seals/seal.js';
import { escapeHtml as e } from '../dossier/case-dossier-html.js';

export function sealExportHtml(seal: Seal): string {
  const row = (label: string, value: unknown, mono = false): string =>
    `<tr><th>${e(label)}</th><td${mono ? ' class="mono"' : ''}>${e(value)}</td></tr>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>存证封签 第${e(seal.sealNo)}号</title>
<style>
body{font-family:"Noto Serif CJK SC","Songti SC",serif;margin:2em;max-width:48em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:.4em;text-align:left;vertical-align:top}
th{width:12em;background:#f3f3f3}.mono{font-family:monospace;word-break:break-all}
.sign{margin-top:3em;display:flex;justify-content:space-between}
@media print{body{margin:0}}
</style></head>
<body>
<h1>事件存储存证封签（第 ${e(seal.sealNo)} 号）</h1>
<p>本页为办件事件存储的封签（DOMAIN.md U7）：对封签时每一条事件流的最新修订号及其哈希计算的默克尔根，并链接上一封签。打印、签字或交其他机关留存后，可据此发现此后被删除、截短或篡改的办件记录。</p>
<table>
${row('封签编号 sealId', seal.sealId, true)}
${row('序号 sealNo', seal.sealNo)}
${row('封签时间 sealedAt', seal.sealedAt)}
${row('记录时间 recordedAt', seal.recordedAt)}
${row('封签人 sealedBy', `${seal.sealedBy.name}（${seal.sealedBy.id}，${seal.sealedBy.role}）`)}
${row('事件流数 streamCount', seal.streamCount)}
${row('本次变更流数 changedStreams', seal.changedStreams)}
${row('算法 algorithm', `${seal.algorithm.toUpperCase()}（GB/T 32905），${seal.buckets} 个分桶`)}
${row('默克尔根 merkleRoot', seal.merkleRoot, true)}
${row('上一封签摘要 previousDigest', seal.previousDigest, true)}
${row('封签摘要 digest', seal.digest, true)}
</table>
<p>核验：digest = SM3(canonicalJSON({sealNo, sealedAt, merkleRoot, streamCount, previousDigest}))。系统内核验见 <code>GET /audit/seals/verification</code>。</p>
<div class="sign"><span>核验人签字：</span><span>日期：</span></div>
</body></html>`;
}
