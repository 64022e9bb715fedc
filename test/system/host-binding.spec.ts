/**
 * Finding 12 and 11 against the real entry point (apps/api/src/main.ts): the API listens on
 * loopback unless HOST says otherwise, refuses the development JWT secret on any other address,
 * keeps its data directories to its user (0700), and its stop log says what it stopped.
 */
import { stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort } from '#infra/read-store/ferretdb/free-tcp-port.js';
import { startChild } from '../projector/support/child-process.js';
import { suiteFolder } from '../support/suite-folder.js';

const ENV = { MONGODB_URI: '', EVENT_STORE_URL: '', AUTH_JWT_SECRET: '', NODE_ENV: '', CLOCK: 'manual' };

describe('where the API listens (finding 12)', () => {
  const dataDir = suiteFolder('host-binding-');

  it('finding 12: HOST=0.0.0.0 without AUTH_JWT_SECRET stops at start, naming both', async () => {
    const child = startChild('apps/api/src/main.ts', [], { ...ENV, DATA_DIR: dataDir(), HOST: '0.0.0.0' });
    expect(await child.exited).toBe(1);
    expect(child.output()).toMatch(/HOST=0\.0\.0\.0 .*AUTH_JWT_SECRET/);
  }, 60_000);

  it('finding 12: by default it binds 127.0.0.1 only, with its data directories 0700; finding 11: the stop log names the FerretDB it stopped', async () => {
    const port = await freeTcpPort();
    const child = startChild('apps/api/src/main.ts', [], {
      ...ENV,
      DATA_DIR: dataDir(),
      PORT: String(port),
      HOST: '',
      LOG_LEVEL: 'info',
    });
    try {
      await child.waitFor(new RegExp(`API listening on http://127\\.0\\.0\\.1:${port} `), 120_000);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      const lan = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal);
      if (lan) await expect(fetch(`http://${lan.address}:${port}/health`)).rejects.toThrow();
      for (const dir of ['events', 'ferretdb', join('ferretdb', 'sqlite')])
        expect({ dir, mode: (await stat(join(dataDir(), dir))).mode & 0o777 }).toEqual({ dir, mode: 0o700 });
      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      expect(child.output()).toMatch(/stopped, and the local FerretDB it started \(pid \d+\)/);
    } finally {
      if (child.process.exitCode === null) child.process.kill('SIGKILL');
    }
  }, 180_000);
});
