/**
 * The shell scripts a newcomer and CI run (issue 12 item 1). Under `set -o pipefail` a pipe into a
 * reader that stops early (`head`, `grep -q`, `grep -m`) kills the writer with SIGPIPE and fails the
 * pipeline with 141 whenever the writer is still writing: scripts/start once failed that way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT_DIRS = ['scripts', '.ci'];
const EARLY_EXIT_READER = /\|\s*(head\b|grep\s+(-\w*[qm]|--quiet|--max-count)|sed\s+(-n\s+)?['"]?\d*q)/;

function shellScripts(): string[] {
  return SCRIPT_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .map((name) => join(dir, name))
      .filter(
        (path) => statSync(path).isFile() && readFileSync(path, 'utf8').startsWith('#!/usr/bin/env bash'),
      ),
  );
}

describe('shell scripts', () => {
  it('include scripts/start, scripts/test, scripts/smoke-start.sh and .ci/run', () => {
    expect(shellScripts()).toEqual(
      expect.arrayContaining(['scripts/start', 'scripts/test', 'scripts/smoke-start.sh', '.ci/run']),
    );
  });

  it('each runs under set -euo pipefail and never pipes into a reader that stops early (SIGPIPE, exit 141)', () => {
    const offending: string[] = [];
    for (const path of shellScripts()) {
      const text = readFileSync(path, 'utf8');
      expect(`${path}: ${/^set -euo pipefail$/m.test(text)}`).toBe(`${path}: true`);
      text.split('\n').forEach((line, i) => {
        if (!line.trimStart().startsWith('#') && EARLY_EXIT_READER.test(line))
          offending.push(`${path}:${i + 1}: ${line}`);
      });
    }
    expect(offending).toEqual([]);
  });

  it('.ci/run runs the tests, then the README start command through scripts/smoke-start.sh', () => {
    const commands = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter((line) => /^bash /.test(line));
    expect(commands).toEqual([
      'bash scripts/ensure-postgres.sh',
      'bash scripts/test',
      'bash scripts/smoke-start.sh',
    ]);
    expect(readFileSync('scripts/smoke-start.sh', 'utf8')).toMatch(/setsid scripts\/start/);
  });
});
