/**
 * Issue 13: the case-step table, the OpenAPI document and the API agree. Every row is served and
 * documented with its summary and its refusals, each with the status of its category and the
 * catalog's title; every problem any route documents carries its catalog's title (no title is
 * written twice); what the API answers to each step is documented for that step; and every code the
 * domain's specs see a decider refuse a command with is documented for the command's route.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTestApi } from './support/test-api-stand.js';

import { isCatalogued, REFUSAL_CATALOG } from '#domain/errors/refusal-catalog.js';
import { CASE_STEPS } from '../../apps/api/src/cases/case-commands.controller.js';
import { STATUTORY_STEPS } from '../../apps/api/src/cases/steps/closing-steps.js';
import { EVALUATION_STEPS } from '../../apps/api/src/evaluations/evaluations.controller.js';
import { COMMAND_PROBLEMS } from '../../apps/api/src/openapi/problem-responses.js';
import { API_PROBLEM_CATALOG } from '../../apps/api/src/problem/api-problem-catalog.js';
import { STATUS_OF_CATEGORY } from '../../apps/api/src/problem/domain-error.problem.js';
import { startApi, type TestApi } from './support/api-harness.js';
import { caseAt, type Tokens } from './support/case-fixtures.js';

interface Example {
  readonly value: { readonly title: string; readonly status: number; readonly code: string };
}
interface Operation {
  readonly summary?: string;
  readonly responses: Record<string, { content?: Record<string, { examples?: Record<string, Example> }> }>;
}
interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
}

const STEPS = [...CASE_STEPS, ...STATUTORY_STEPS, ...EVALUATION_STEPS];
const docPath = (route: string): string => `/cases/${route.replace(/:(\w+)/g, '{$1}')}`;

/** code → status, as the operation documents its problems. */
function documented(op: Operation): Map<string, { status: number; title: string }> {
  const out = new Map<string, { status: number; title: string }>();
  for (const [status, response] of Object.entries(op.responses))
    for (const [code, example] of Object.entries(
      response.content?.['application/problem+json']?.examples ?? {},
    ))
      out.set(code, { status: Number(status), title: example.value.title });
  return out;
}

/** The titles a code may carry: the domain's catalog, else the API's own. */
function catalogTitles(code: string): readonly string[] | undefined {
  if (isCatalogued(code)) {
    const entry = REFUSAL_CATALOG[code];
    return [entry.title, ...(entry.alsoTitled ?? [])];
  }
  const api = Object.entries(API_PROBLEM_CATALOG).find(([c]) => c === code)?.[1];
  return api ? [api.title, ...(api.alsoTitled ?? [])] : undefined;
}

/**
 * (command, code) pairs the domain's specs observe: an `expect(` whose subject names a command
 * (`type: 'X'`) and that expects a refusal `code: 'Y'`.
 */
function refusalsSeenInDomainSpecs(): { command: string; code: string }[] {
  const dir = fileURLToPath(new URL('../../libs/domain/src/case/specs', import.meta.url));
  const seen: { command: string; code: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.spec.ts')))
    for (const chunk of readFileSync(join(dir, file), 'utf8')
      .split(/\bexpect\(|\bgiven\(/)
      .slice(1)) {
      // `expect(…).toMatchObject({ code: 'X' })` or the kit's `given(…).when(…).thenRefuses('X')`.
      const match = /code: '([A-Z0-9_]+)'|thenRefuses\('([A-Z0-9_]+)'/.exec(chunk);
      const code = match?.[1] ?? match?.[2];
      let before = match === null ? '' : chunk.slice(0, match.index);
      // The kit names the command in its `.when(…)`: only a command written there counts.
      if (match?.[2] !== undefined) before = before.slice(Math.max(0, before.lastIndexOf('.when(')));
      const commands = [...before.matchAll(/type: '(\w+)'/g)].map((m) => m[1]!);
      const command = commands[commands.length - 1];
      if (code !== undefined && command !== undefined) seen.push({ command, code });
    }
  return seen;
}

describe('the case-step table, the OpenAPI document and the answers agree', () => {
  let api: TestApi;
  let doc: OpenApi;
  let t: Tokens;

  useTestApi({ open: () => startApi('pglite') }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    doc = (await api.request<OpenApi>('GET', '/docs-json', undefined, { token: null })).body;
  });

  it('every row is a documented POST route with its summary and its refusals from the catalog', () => {
    expect(new Set(STEPS.map((s) => s.command)).size).toBe(STEPS.length);
    for (const step of STEPS) {
      const op = doc.paths[docPath(step.route)]?.post;
      expect({ route: step.route, summary: op?.summary }).toEqual({
        route: step.route,
        summary: step.summary,
      });
      const problems = documented(op!);
      for (const [code] of step.refuses)
        expect({ route: step.route, code, ...problems.get(code) }).toEqual({
          route: step.route,
          code,
          status: STATUS_OF_CATEGORY[REFUSAL_CATALOG[code].category],
          title: REFUSAL_CATALOG[code].title,
        });
    }
  });

  it('every documented problem of every route carries its catalog title', () => {
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const [code, { title }] of documented(op)) {
          const titles = catalogTitles(code);
          if (titles === undefined) continue; // a calendar or office-hours code: its own catalog
          expect({ path, method, code, title: titles.includes(title) }).toEqual({
            path,
            method,
            code,
            title: true,
          });
        }
  });

  it('what the API answers to each step is documented for it, with the same status and title', async () => {
    let answered = 0;
    for (const stage of ['inquiry', 'accepted', 'completed'] as const) {
      const caseId = await caseAt(api, t, stage);
      for (const step of STEPS) {
        const path = `/cases/${step.route.replace(':id', caseId).replace(':n', '1').replace(/:\w+/, 'x-1')}`;
        const problems = documented(doc.paths[docPath(step.route)]!.post!);
        for (const token of [t.window, t.supervisor, t.guide])
          for (const body of [{}, { occurredAt: '2099-01-01T09:00:00+08:00' }]) {
            const answer = await api.request<{ code?: string; title?: string }>('POST', path, body, {
              token,
            });
            if (answer.status < 400) continue;
            answered++;
            const code = answer.body.code ?? '';
            expect({ route: step.route, code, ...problems.get(code) }).toEqual({
              route: step.route,
              code,
              status: answer.status,
              title: answer.body.title,
            });
          }
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('every code the domain specs see a decider refuse a command with is documented for its route', () => {
    const common = new Set(COMMAND_PROBLEMS.map((p) => p.code));
    const seen = refusalsSeenInDomainSpecs().filter((r) => STEPS.some((s) => s.command === r.command));
    expect(seen.length).toBeGreaterThan(12);
    for (const { command, code } of seen) {
      const step = STEPS.find((s) => s.command === command)!;
      const listed = common.has(code) || step.refuses.some(([c]) => c === code);
      expect({ command, code, listed }).toEqual({ command, code, listed: true });
    }
  });
});
