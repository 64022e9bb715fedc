/**
 * Finding 11: runs FerretDB under a POSIX shell watchdog tied to this process. Node cannot ask
 * Linux to signal a child when its parent dies (prctl), so the watchdog reads its stdin, a pipe
 * whose other end only this process holds: when this process ends — exit, crash or kill -9 — the
 * pipe closes, the read returns, and the watchdog stops FerretDB (TERM, then KILL after 5 s). A
 * TERM to the watchdog stops FerretDB too; when FerretDB exits, so does the watchdog. The
 * watchdog writes FerretDB's pid to `pidFile`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';

const WATCHDOG = `
exec 3<&0
"$@" </dev/null &
server=$!
echo "$server" > "$FERRETDB_PID_FILE"
trap 'kill -TERM "$server" 2>/dev/null' TERM INT HUP
( read _ignored <&3; kill -TERM "$server" 2>/dev/null; sleep 5; kill -KILL "$server" 2>/dev/null ) &
watcher=$!
exec 3<&-
code=0
while kill -0 "$server" 2>/dev/null; do wait "$server"; code=$?; done
kill "$watcher" 2>/dev/null
exit "$code"
`;

export function spawnWatched(
  binary: string,
  args: readonly string[],
  log: number,
  pidFile: string,
  environment: Readonly<Record<string, string>> = {},
): ChildProcess {
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'ferretdb-watchdog', binary, ...args], {
    stdio: ['pipe', log, log],
    env: { ...process.env, ...environment, FERRETDB_PID_FILE: pidFile },
  });
  // The pipe must not keep this process alive; it only has to close when this process ends.
  child.stdin?.on('error', () => undefined);
  if (child.stdin instanceof Socket) child.stdin.unref();
  return child;
}
