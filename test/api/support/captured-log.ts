/** A log destination for the tests: every JSON line the API writes, kept in memory. */
import { Writable } from 'node:stream';

export interface CapturedLog {
  readonly stream: Writable;
  text(): string;
}

export function capturedLog(): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}
