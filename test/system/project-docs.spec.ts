/**
 * The repository carries its own documentation (issue 12 item 2): docs/ is linked from the README,
 * its relative links resolve, and nothing points at a `shared/` folder beside a clone, which a
 * clone does not have.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', 'data', 'coverage', '.tools', '.git']);
const TEXT = /\.(ts|mjs|js|json|md|sh|ya?ml)$|^(start|test|run)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return TEXT.test(name) && name !== 'package-lock.json' ? [path] : [];
  });
}

describe('the project documentation', () => {
  it('README links docs/DOMAIN.md, docs/API.md and docs/DESIGN.md', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const doc of ['docs/DOMAIN.md', 'docs/API.md', 'docs/DESIGN.md']) {
      expect(existsSync(doc)).toBe(true);
      expect(readme).toContain(`](${doc})`);
    }
  });

  it('no file points at a shared/ folder outside the repository', () => {
    const offending = files('.').filter((path) =>
      /\.\.\/shared|shared\/docs/.test(readFileSync(path, 'utf8')),
    );
    expect(offending).toEqual([]);
  });

  it('every relative link of the READMEs and docs/ resolves to a file of the repository', () => {
    const broken: string[] = [];
    for (const path of files('.').filter((p) => p.endsWith('.md')))
      for (const [, target] of readFileSync(path, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g))
        if (!/^[a-z]+:/.test(target!) && !existsSync(join(dirname(path), target!)))
          broken.push(`${path} → ${target}`);
    expect(broken).toEqual([]);
  });
});
