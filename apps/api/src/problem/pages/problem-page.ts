/**
 * Pure: the short page GET /problems/{code} answers (API.md "Conventions": `type` is a URL of the
 * API itself): the code's title, the rule, what was wrong and how to fix it, in Chinese and
 * English, from the catalogs (one source for each title).
 */
import { isCatalogued, REFUSAL_CATALOG } from '#domain/errors/refusal-catalog.js';
import type { RefusalEntry } from '#domain/errors/refusal-entry.js';
import { escapeHtml } from '../../audit/dossier/html-escape.js';
import { API_PROBLEM_CATALOG } from '../api-problem-catalog.js';

export function problemEntry(code: string): RefusalEntry | undefined {
  if (isCatalogued(code)) return REFUSAL_CATALOG[code];
  return Object.prototype.hasOwnProperty.call(API_PROBLEM_CATALOG, code)
    ? API_PROBLEM_CATALOG[code as keyof typeof API_PROBLEM_CATALOG]
    : undefined;
}

/** Every code with a page, sorted. */
export function problemCodes(): string[] {
  return [...new Set([...Object.keys(REFUSAL_CATALOG), ...Object.keys(API_PROBLEM_CATALOG)])].sort();
}

export function problemPageHtml(code: string, entry: RefusalEntry): string {
  const e = escapeHtml;
  const titles = [entry.title, ...(entry.alsoTitled ?? [])].map(e).join(' / ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(code)} — ${e(entry.title)}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6}
code{background:#f3f3f3;padding:0 .25rem}h2{font-size:1.05rem;margin-top:1.5rem}.en{color:#444}</style></head>
<body>
<h1>${titles}</h1>
<p><code>${e(code)}</code></p>
<h2>规则 · The rule</h2>
<p>${e(entry.rule.zh)}</p><p class="en" lang="en">${e(entry.rule.en)}</p>
<h2>问题所在 · What was wrong</h2>
<p>请求违反了上述规则；应答中的 <code>detail</code> 说明具体原因，<code>errors</code> 指出有关字段。</p>
<p class="en" lang="en">The request broke this rule: the answer’s <code>detail</code> says how, and <code>errors</code> names the fields concerned.</p>
<h2>如何改正 · How to fix it</h2>
<p>${e(entry.fix.zh)}</p><p class="en" lang="en">${e(entry.fix.en)}</p>
</body></html>
`;
}
