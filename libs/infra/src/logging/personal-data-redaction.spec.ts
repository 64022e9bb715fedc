import { Writable } from 'node:stream';
import { pino } from 'pino';
import { redactingLogOptions, redactText } from './personal-data-redaction.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('log redaction by value (I1, findings 2 and 10)', () => {
  it('I1: ID numbers and phones are redacted wherever they appear in a string; positions and times are not', () => {
    expect(
      redactText(
        'id 110101199003071234, old 110101900307123, tel 13800138000 or +86 138-0013-8000, 0571-88001234',
      ),
    ).toBe('id [I1 redacted], old [I1 redacted], tel [I1 redacted] or [I1 redacted], [I1 redacted]');
    expect(redactText('00000000000000000750:00000000000000000012 at 1772422700000')).toBe(
      '00000000000000000750:00000000000000000012 at 1772422700000',
    );
  });

  it('I1: a driver error with the event JSON among its parameters logs as class, code and message only, and a circular one still serialises', () => {
    const { lines, stream } = capture();
    const logger = pino({ ...redactingLogOptions, level: 'info' }, stream);
    class DatabaseError extends Error {
      code = '22P05';
      parameters = ['{"applicant":{"idNumber":"11010119900307123X","phone":"13912345678"}}'];
      detail = 'value 13912345678';
      self: unknown = this;
    }
    logger.error(
      { err: new DatabaseError('unsupported Unicode escape sequence'), note: '身份证 11010119900307123X' },
      'failed for 13912345678',
    );
    const line = lines.join('');
    expect(line).not.toMatch(/11010119900307123X|13912345678/);
    expect(JSON.parse(line)).toMatchObject({
      err: { type: 'DatabaseError', code: '22P05', message: 'unsupported Unicode escape sequence' },
      msg: 'failed for [I1 redacted]',
    });
    expect(line).not.toMatch(/parameters|circular reference/);
  });
});
