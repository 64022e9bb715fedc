import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The rule ids of DOMAIN.md. Checked against the document itself whenever it sits beside the repo. */
const RULE_IDS = [
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'T13',
  'T14',
  'N1',
  'N2',
  'N3',
  'N4',
  'N5',
  'N6',
  'F1',
  'F2',
  'F3',
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  'A1',
  'A2',
  'A3',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
  'U7',
  'U8',
  'S1',
  'I1',
  'I2',
  'R1',
  'E1',
  'E2',
  'E3',
];

/**
 * Rules of DOMAIN.md that no test names yet, each with the issue that builds it. Honest by
 * construction: an id listed here must not be cited by a test (remove it when its issue lands).
 */
const NOT_YET_BUILT: Readonly<Record<string, string>> = {
  T12: 'issue 14 (delivery after an approval)',
  T13: 'issue 14 (preliminary review of escalated cases)',
  T14: 'issue 11 (bounded limits and instants)',
  N6: 'issue 14 (rights notice with a denial)',
  P5: 'issue 14 (applicant rating through a one-time invitation)',
  P6: 'issue 14 (callback and appeal of a bad review)',
  P7: 'issue 14 (evaluation rates)',
  E1: 'issue 15 (notification recipients)',
  E2: 'issue 15 (notification outbox and delivery)',
  E3: 'issue 15 (no personal data in notifications)',
  U6: 'issue 16 (access log)',
  U7: 'issue 16 (seals)',
  U8: 'issue 16 (SM3)',
  I2: 'issue 16 (erasable personal data)',
};

const root = process.cwd();

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

  it('the list of rule ids matches DOMAIN.md when the shared docs are beside the repository', () => {
    const doc = join(root, '..', 'shared', 'docs', 'DOMAIN.md');
    const ids = existsSync(doc)
      ? [...readFileSync(doc, 'utf8').matchAll(/^- \*\*([A-Z]\d+)\*\*/gm)].map((m) => m[1])
      : RULE_IDS; // a bare clone has no shared/ beside it; the list above is then the reference
    expect(ids).toEqual(RULE_IDS);
  });
});
