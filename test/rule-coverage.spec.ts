import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The rule ids of a DOMAIN.md, in order: the bullets `- **T4** …`. */
function ruleIdsOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^- \*\*([A-Z]\d+)\*\*/gm)].map((m) => m[1]!);
}

/** The ids a DOMAIN.md marks as not built yet: `- **T12** … *(planned: issue 14)*`. */
function plannedIdsOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^- \*\*([A-Z]\d+)\*\*.*\*\(planned: /gm)].map((m) => m[1]!);
}

const root = process.cwd();
/** The project's own list of rules (issue 12: the repository carries its documentation). */
const DOMAIN_DOC = join(root, 'docs', 'DOMAIN.md');
const RULE_IDS = ruleIdsOf(DOMAIN_DOC);
/** The reference the rules were written from, when it sits beside the repository (not in a clone). */
const REFERENCE_DOC = join(root, '..', 'shared', 'docs', 'DOMAIN.md');

/**
 * Rules of docs/DOMAIN.md that no test names yet, each with the issue that builds it. Honest by
 * construction: an id listed here must not be cited by a test. When its issue lands, remove it here
 * and remove its `*(planned: …)*` mark in docs/DOMAIN.md.
 */
const NOT_YET_BUILT: Readonly<Record<string, string>> = {};

function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return specFiles(path);
    return name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Test names: the first string argument of it(…)/test(…). */
function testNames(): string[] {
  const names: string[] = [];
  for (const dir of ['apps', 'libs', 'test'])
    for (const file of specFiles(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:it|test)\(\s*(['`"])((?:\\.|(?!\1).)*)\1/g)) names.push(m[2]!);
    }
  return names;
}

describe('rule coverage', () => {
  const names = testNames();
  const cited = (id: string): boolean => names.some((n) => new RegExp(`\\b${id}\\b`).test(n));

  it('every rule id of DOMAIN.md is named by at least one test, or listed as not yet built', () => {
    expect(RULE_IDS.filter((id) => !cited(id) && !(id in NOT_YET_BUILT))).toEqual([]);
  });

  it('no rule listed as not yet built is cited by a test (empty the list as issues land)', () => {
    expect(Object.keys(NOT_YET_BUILT).filter(cited)).toEqual([]);
  });

  it('the not-yet-built list names only rule ids', () => {
    expect(Object.keys(NOT_YET_BUILT).filter((id) => !RULE_IDS.includes(id))).toEqual([]);
  });

  it('docs/DOMAIN.md lists the rules, each id once', () => {
    expect(RULE_IDS.length).toBeGreaterThan(50);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it('docs/DOMAIN.md marks as planned exactly the rules listed as not yet built (update both together)', () => {
    expect(plannedIdsOf(DOMAIN_DOC).sort()).toEqual(Object.keys(NOT_YET_BUILT).sort());
  });

  it('docs/DOMAIN.md has the rule ids of the reference DOMAIN.md, in order, when the reference is beside the repository', () => {
    // A bare clone has nothing beside it; docs/DOMAIN.md is then the only list.
    const ids = existsSync(REFERENCE_DOC) ? ruleIdsOf(REFERENCE_DOC) : RULE_IDS;
    expect(RULE_IDS).toEqual(ids);
  });
});
