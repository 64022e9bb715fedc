/**
 * Where the console's files are (apps/console/README.md): the page and its stylesheet from
 * apps/console/public, the compiled modules from dist/console (built by `npm run build`: the
 * console's own and the domain's label tables it imports), and Preact's ES modules from
 * node_modules. A fixed map from URL to file: nothing else is reachable.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file with a package.json (source or dist). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the console cannot find the repository root (package.json)');
    dir = parent;
  }
  return dir;
}

export interface ConsoleFile {
  readonly path: string;
  readonly contentType: string;
}

const JS = 'text/javascript; charset=utf-8';
/** A compiled module path below /console/app/: lower-case words, folders, `.js`. */
const MODULE_PATH = /^\/app\/((?:[a-z0-9-]+\/)*[a-z0-9-]+\.js)$/;

export class ConsoleFiles {
  private readonly root = repositoryRoot();
  private readonly fixed: ReadonlyMap<string, ConsoleFile> = new Map([
    [
      '/',
      { path: join(this.root, 'apps/console/public/index.html'), contentType: 'text/html; charset=utf-8' },
    ],
    [
      '/console.css',
      { path: join(this.root, 'apps/console/public/console.css'), contentType: 'text/css; charset=utf-8' },
    ],
    ['/vendor/preact.mjs', { path: join(this.root, 'node_modules/preact/dist/preact.mjs'), contentType: JS }],
    [
      '/vendor/hooks.mjs',
      { path: join(this.root, 'node_modules/preact/hooks/dist/hooks.mjs'), contentType: JS },
    ],
    [
      '/domain/labels.js',
      { path: join(this.root, 'dist/console/libs/domain/src/labels/labels.js'), contentType: JS },
    ],
    [
      '/vendor/jsx-runtime.mjs',
      { path: join(this.root, 'node_modules/preact/jsx-runtime/dist/jsxRuntime.mjs'), contentType: JS },
    ],
  ]);

  /** The file a path below /console names, or undefined. */
  resolve(path: string): ConsoleFile | undefined {
    const fixed = this.fixed.get(path === '/index.html' ? '/' : path);
    if (fixed) return fixed;
    const module = MODULE_PATH.exec(path);
    return module
      ? { path: join(this.root, 'dist/console/apps/console/src', module[1]!), contentType: JS }
      : undefined;
  }
}
