/**
 * What a client can get wrong before a body is even JSON: never a 500 (issue 5.2). Malformed JSON,
 * a body that does not match its Content-Encoding, an unsupported charset or encoding, a body over
 * 64 KiB (also once inflated), a top level that is not an object.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startApi, type TestApi } from './support/api-harness.js';
import { INQUIRY, type Tokens } from './support/case-fixtures.js';
import { START } from '#infra/event-store/event-store.port.js';
import { useTestApi } from './support/test-api-stand.js';

describe('malformed requests', () => {
  let api: TestApi;
  let t: Tokens;

  useTestApi({ open: () => startApi('pglite'), configure: null }, (stand) => ({ api, t } = stand));

  const send = async (
    body: string | Buffer,
    headers: Record<string, string>,
  ): Promise<{ status: number; code: string; type: string }> => {
    const res = await fetch(`${api.url}/cases/inquiries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.window}`, 'content-type': 'application/json', ...headers },
      body,
    });
    const problem = (await res.json()) as { code: string };
    return { status: res.status, code: problem.code, type: res.headers.get('content-type') ?? '' };
  };

  it.each([
    ['malformed JSON', '{"centerId":', {}, 400, 'VALIDATION_FAILED'],
    ['a JSON array', '[1,2]', {}, 400, 'VALIDATION_FAILED'],
    ['a JSON string', '"inquiry"', {}, 400, 'VALIDATION_FAILED'],
    ['gzip that is not gzip', 'not gzip at all', { 'content-encoding': 'gzip' }, 400, 'VALIDATION_FAILED'],
    ['brotli that is not brotli', '{}', { 'content-encoding': 'br' }, 400, 'VALIDATION_FAILED'],
    ['an unknown encoding', '{}', { 'content-encoding': 'x-zip' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'an unsupported charset',
      '{}',
      { 'content-type': 'application/json; charset=latin1' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a body over 64 KiB', JSON.stringify({ question: 'x'.repeat(70_000) }), {}, 413, 'PAYLOAD_TOO_LARGE'],
    [
      'a body over 64 KiB once inflated',
      gzipSync(JSON.stringify({ question: 'x'.repeat(2_000_000) })),
      { 'content-encoding': 'gzip' },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ] as const)('%s is answered with a problem, never 5xx', async (_name, body, headers, status, code) => {
    const res = await send(body, headers);
    expect(res).toEqual({ status, code, type: expect.stringMatching(/^application\/problem\+json/) });
  });

  it('a path with malformed percent-encoding is a 400 naming the path, never a 500', async () => {
    for (const path of ['/cases/%E0%A4%A', '/cases/%ZZ/state', '/complaints/%C0%AF']) {
      const res = await api.request<{ code: string; errors?: unknown[] }>('GET', path, undefined, {
        token: t.window,
      });
      expect({ path, status: res.status, code: res.body.code, errors: res.body.errors }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: '(path)', message: 'must be valid percent-encoded UTF-8' }],
      });
    }
  });

  it('unknown routes and methods are 404 problems too', async () => {
    const res = await api.request('DELETE', '/cases/inquiries', undefined, { token: t.window });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('what Node’s HTTP parser refuses is a problem too: headers over 16 KiB (431), a control character in a header (400)', async () => {
    // Sent byte for byte over a socket: fetch would refuse to send either.
    const rawRequest = (text: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const { hostname, port } = new URL(api.url);
        const socket = connect(Number(port), hostname, () => socket.write(text));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const answers = [
      [
        await rawRequest(`GET /cases/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`),
        431,
        'REQUEST_HEADERS_TOO_LARGE',
      ],
      [
        await rawRequest('GET /health HTTP/1.1\r\nHost: a\r\nIdempotency-Key: a\u0001b\r\n\r\n'),
        400,
        'VALIDATION_FAILED',
      ],
    ] as const;
    for (const [answer, status, code] of answers) {
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(head).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(body!)).toMatchObject({ status, code, type: `/problems/${code}` });
    }
  });

  it('Idempotency-Key, If-Match or X-Correlation-Id sent twice (Node would join them into one value) is 400 naming it; nothing is recorded', async () => {
    const { hostname, port } = new URL(api.url);
    const before = await api.store.readAll(START, { batchSize: 10_000 });
    for (const header of ['Idempotency-Key', 'If-Match', 'X-Correlation-Id'] as const) {
      // node:http sends an array value as one field line per element (fetch would join them).
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: hostname,
            port,
            path: '/cases/inquiries',
            method: 'POST',
            headers: {
              authorization: `Bearer ${t.guide}`,
              'content-type': 'application/json',
              [header]: header === 'If-Match' ? ['"0"', '"1"'] : ['key-1', 'key-2'],
            },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(INQUIRY));
      });
      expect({ header, status: answer.status, errors: JSON.parse(answer.body).errors }).toEqual({
        header,
        status: 400,
        errors: [{ field: header, message: 'must be sent once' }],
      });
    }
    expect((await api.store.readAll(START, { batchSize: 10_000 })).events.length).toBe(before.events.length);
    // Sent once, a key still works.
    const once = await api.request('POST', '/cases/inquiries', INQUIRY, {
      token: t.guide,
      headers: { 'Idempotency-Key': 'key-1, key-2' },
    });
    expect(once.status).toBe(201);
  });
});
