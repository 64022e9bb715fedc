/**
 * A folder for a test's PGlite event store, copied from a freshly initialised PGlite data folder
 * kept as a template under the system's temporary folder (one per PGlite version), instead of
 * running PGlite's initdb for every store: about 3 s of CPU each, under 1 s for the copy. The store then
 * opens an existing, empty cluster and runs the event store's migrations on it as usual, as it does
 * when `npm start` finds its data folder from an earlier run. Opening an empty folder (initdb) stays
 * covered where the tests start the API as a process (clock-start.spec, smoke-start).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

// The installed PGlite's version (its package exports no package.json): a new one gets a new template.
const { version } = JSON.parse(
  readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
) as { version: string };
const TEMPLATE = join(tmpdir(), `gsc-pglite-template-${version}`);

/** The template folder, made once (concurrent makers race by rename: the first one wins). */
async function template(): Promise<string> {
  if (existsSync(join(TEMPLATE, 'PG_VERSION'))) return TEMPLATE;
  const making = await mkdtemp(join(tmpdir(), 'gsc-pglite-making-'));
  const db = await PGlite.create(making);
  await db.query('select 1');
  await db.close();
  try {
    await rename(making, TEMPLATE);
  } catch {
    await rm(making, { recursive: true, force: true }); // another process made it first
  }
  return TEMPLATE;
}

/** A new folder (under the temporary folder, named `prefix…`) holding an empty PGlite cluster. */
export async function freshPgliteDir(prefix: string): Promise<string> {
  const source = await template();
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await cp(source, dir, { recursive: true });
  return dir;
}
