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

  it('I1: numbers grouped by spaces or hyphens, as people write them, are redacted too; ids, receipts and times are not', () => {
    expect(
      redactText(
        '身份证 110101 19900307 123X，旧证 110101-900307-123，号码 138 0013 8000，座机 0571 8800 1234 或 010-8765 4321',
      ),
    ).toBe(
      '身份证 [I1 redacted]，旧证 [I1 redacted]，号码 [I1 redacted]，座机 [I1 redacted] 或 [I1 redacted]',
    );
    expect(redactText('证件号1101 0119 9003 0712 34号')).toBe('证件号[I1 redacted]号');
    const untouched = [
      'case 3f1c9a52-8d2e-5b7a-9c41-0e6f2d3b4a15 event 12345678-1234-5234-8234-123456789012',
      'receipt TS-20261130-7F3K9Q2M, SL-0001, accepted 2026-03-09T17:30:00.000+08:00 (2026-03-09 17:30)',
      'position 00000000000000056294:00000000000000000000, 281,480 events in 313.7 s, ms 1772422700000',
    ];
    for (const text of untouched) expect(redactText(text)).toBe(text);
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
