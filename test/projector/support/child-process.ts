/**
 * The projector's entry points as child processes of a test, running the TypeScript sources through
 * swc (register-swc-loader.mjs): killable with SIGKILL, their output kept for the failure message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const loader = fileURLToPath(new URL('./register-swc-loader.mjs', import.meta.url));

export interface Child {
  readonly process: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Resolves when a line of stdout matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function startChild(entry: string, args: readonly string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', loader, `${root}${entry}`, ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<(line: string) => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    for (const line of chunk.split('\n')) for (const l of listeners) l(line);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(
            new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${output.slice(-3000)}`),
          );
        }, timeoutMs);
        const listener = (line: string): void => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(line);
        };
        listeners.add(listener);
        void exited.then(() => {
          if (!listeners.has(listener)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          reject(
            new Error(`the child exited before a line matching ${pattern}; output:\n${output.slice(-3000)}`),
          );
        });
      });
    },
  };
}

/** Whether a process of this id still runs (signal 0 checks without signalling). */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
