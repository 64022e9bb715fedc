/**
 * Finding 11: the local FerretDB lives exactly as long as the process that started it, even when
 * that process is killed with SIGKILL; a server left by a dead owner is never adopted. Finding 12:
 * its data directory is the user's alone (0700).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { alive, startChild } from '../projector/support/child-process.js';
import { suiteFolder } from '../support/suite-folder.js';

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('the local FerretDB dies with its owner (finding 11)', () => {
  const dataDir = suiteFolder('ferretdb-life-');

  it('finding 11: after kill -9 of the process that started it, FerretDB exits; the next owner starts its own; data dirs are 0700 (finding 12)', async () => {
    const first = startChild('test/system/support/ferretdb-owner.ts', [], { DATA_DIR: dataDir() });
    const line = await first.waitFor(/^ferretdb \d+ true$/, 60_000);
    const pid = Number(line.split(' ')[1]);
    expect(alive(pid)).toBe(true);
    expect((await stat(dataDir())).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir(), 'sqlite'))).mode & 0o777).toBe(0o700);

    first.process.kill('SIGKILL');
    await first.exited;
    expect(await until(() => !alive(pid), 10_000)).toBe(true);

    const second = startChild('test/system/support/ferretdb-owner.ts', [], { DATA_DIR: dataDir() });
    const again = await second.waitFor(/^ferretdb \d+ (true|false)$/, 60_000);
    expect(again).toMatch(/ true$/);
    const secondPid = Number(again.split(' ')[1]);
    second.process.kill('SIGTERM');
    await second.exited;
    expect(await until(() => !alive(secondPid), 10_000)).toBe(true);
  }, 120_000);

  it('finding 11: a FerretDB whose recorded owner is dead is stopped, not adopted', async () => {
    // A stand-in for a server an old crash left behind: a live process no live owner started.
    const orphan = startChild('test/system/support/ferretdb-owner.ts', [], {
      DATA_DIR: join(dataDir(), 'orphan'),
    });
    const line = await orphan.waitFor(/^ferretdb \d+ true$/, 60_000);
    const pid = Number(line.split(' ')[1]);
    const file = join(dataDir(), 'orphan', 'ferretdb.json');
    const running = JSON.parse(await readFile(file, 'utf8')) as { pid: number; port: number };
    await writeFile(file, JSON.stringify({ ...running, ownerPid: 2 ** 22 + 1 }));
    const next = startChild('test/system/support/ferretdb-owner.ts', [], {
      DATA_DIR: join(dataDir(), 'orphan'),
    });
    const adopted = await next.waitFor(/^ferretdb \d+ (true|false)$/, 60_000);
    expect(adopted).toMatch(/ true$/);
    expect(await until(() => !alive(pid), 10_000)).toBe(true);
    next.process.kill('SIGTERM');
    orphan.process.kill('SIGKILL');
    await Promise.all([next.exited, orphan.exited]);
  }, 120_000);
});
