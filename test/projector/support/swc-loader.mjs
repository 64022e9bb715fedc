// Node ESM loader hooks that run this repository's TypeScript sources directly (the projector's
// child processes in the tests), as jest does: @swc/core strips types (decorators with metadata),
// `#domain/*` and `#infra/*` resolve to the sources, and `./x.js` to `./x.ts` when that exists.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';
import { transformSync } from '@swc/core';
import { SWC_OPTIONS } from '../../support/swc-options.js';

const root = new URL('../../../', import.meta.url);
const ALIASES = { '#domain/': 'libs/domain/src/', '#infra/': 'libs/infra/src/' };

export async function resolve(specifier, context, next) {
  for (const [alias, dir] of Object.entries(ALIASES))
    if (specifier.startsWith(alias)) {
      const url = new URL(dir + specifier.slice(alias.length).replace(/\.js$/, '.ts'), root);
      return { url: url.href, shortCircuit: true };
    }
  if (
    (specifier.startsWith('./') || specifier.startsWith('../')) &&
    specifier.endsWith('.js') &&
    context.parentURL
  ) {
    const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const { code } = transformSync(readFileSync(fileURLToPath(url), 'utf8'), {
    ...SWC_OPTIONS,
    filename: fileURLToPath(url),
  });
  return { format: 'module', source: code, shortCircuit: true };
}

export const rootUrl = pathToFileURL(fileURLToPath(root)).href;
