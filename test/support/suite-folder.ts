/**
 * A temporary folder of the describe block that calls `suiteFolder`: made before its tests, removed
 * with its contents after them. The answer names the folder once the block's beforeAll has run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function suiteFolder(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error(`the folder ${prefix}… is made in beforeAll: read it in a test`);
    return dir;
  };
}
