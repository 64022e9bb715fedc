/**
 * The refusal catalog is the one source of each code's title: the deciders refuse in one line with
 * `refuse('CODE', detail)`, which takes category and title from the catalog; every refusal still
 * written with a title (domainError, administrationError, with a literal code and title) carries
 * its code's catalog title; every code has a page's worth of text (rule and fix in both languages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCatalogued, REFUSAL_CATALOG } from '#domain/errors/refusal-catalog.js';
import { API_PROBLEM_CATALOG } from '../apps/api/src/problem/api-problem-catalog.js';

const DOMAIN_SRC = join(process.cwd(), 'libs', 'domain', 'src');
const SOURCE_ROOTS = ['apps', 'libs'].map((d) => join(process.cwd(), d));
/** Where titles are defined (the catalogs, the named other titles), and the labels of statuses and violations (libs/domain/src/labels), which may read alike. */
const CATALOG_FILE = /(refusals|refusal-pages|api-problem-catalog|also-titled|\/labels\/labels)\.ts$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

/** `domainError('CODE', 'category', 'title'`, `rule('CODE', 'title'` … as written at the call sites. */
const CALL =
  /\b(?:domainError|administrationError|rule)\(\s*'([A-Z][A-Z0-9_]+)',\s*(?:'(?:invalid|forbidden|not_found|conflict|rule)',\s*)?'([^']+)'/g;

/** `refuse('CODE', …` and `refuseAdministration('CODE', …` as written at the call sites: the title comes from the catalog. */
const REFUSE = /\brefuse(?:Administration)?\(\s*'([A-Z][A-Z0-9_]+)'/g;

describe('the refusal catalog (one title per code)', () => {
  const files = sources(DOMAIN_SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const calls = files.flatMap(({ file, text }) =>
    [...text.matchAll(CALL)].map((m) => ({ file, code: m[1]!, title: m[2]! })),
  );
  const refusals = files.flatMap(({ file, text }) =>
    [...text.matchAll(REFUSE)].map((m) => ({ file, code: m[1]! })),
  );

  it('finds the refusals written in the domain', () => {
    expect(calls.length + refusals.length).toBeGreaterThan(30);
  });

  it('every code refused through the catalog is catalogued', () => {
    expect(refusals.filter(({ code }) => !isCatalogued(code))).toEqual([]);
  });

  it('the case deciders write no title: every refusal of a case goes through the catalog', () => {
    expect(calls.filter(({ file }) => file.includes(join('src', 'case', '')))).toEqual([]);
  });

  it('every refusal carries the title its code has in the catalog', () => {
    const wrong = calls.filter(({ code, title }) => {
      if (!isCatalogued(code)) return true;
      const entry = REFUSAL_CATALOG[code];
      return title !== entry.title && !(entry.alsoTitled ?? []).includes(title);
    });
    expect(wrong).toEqual([]);
  });

  it('every code has a Chinese title and its rule and fix in Chinese and English', () => {
    for (const [code, entry] of Object.entries(REFUSAL_CATALOG)) {
      expect({ code, zh: /[\u4e00-\u9fff]/.test(entry.title + entry.rule.zh + entry.fix.zh) }).toEqual({
        code,
        zh: true,
      });
      expect({ code, en: /^[\x20-\x7e\u2019\u2013…]+$/.test(entry.rule.en + entry.fix.en) }).toEqual({
        code,
        en: true,
      });
    }
  });
  it('no title is written twice: outside the catalogs, no source file spells a catalogued title', () => {
    const titles = new Set(
      [...Object.values(REFUSAL_CATALOG), ...Object.values(API_PROBLEM_CATALOG)].map((e) => e.title),
    );
    const spelled = SOURCE_ROOTS.flatMap(sources)
      .filter((file) => !CATALOG_FILE.test(file) && !file.includes(`${join('apps', 'console')}`))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(/'([^'\n]+)'/g)]
          .map((m) => m[1]!)
          .filter((literal) => titles.has(literal))
          .map((title) => ({ file: file.slice(process.cwd().length + 1), title }));
      });
    expect(spelled).toEqual([]);
  });
});
