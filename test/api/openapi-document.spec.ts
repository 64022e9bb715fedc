/**
 * API.md: "The OpenAPI document served at /docs-json must describe exactly what is implemented,
 * with examples." Every route the application serves is in the document, and only those; every
 * command documents its body (with examples), its 201/200 answers, its headers and its problems.
 */
import { startApi, type TestApi } from './support/api-harness.js';
import { useTestApi } from './support/test-api-stand.js';

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<
    string,
    { content?: Record<string, { examples?: Record<string, unknown>; schema?: unknown }> }
  >;
  security?: unknown[];
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<
      string,
      { properties?: Record<string, { example?: unknown; $ref?: string; items?: unknown }> }
    >;
  };
}

describe('OpenAPI document', () => {
  let api: TestApi;
  let doc: OpenApi;

  useTestApi({ open: () => startApi('pglite'), configure: null }, (stand) => ({ api } = stand));
  beforeAll(async () => {
    doc = (await api.request<OpenApi>('GET', '/docs-json', undefined, { token: null })).body;
  });

  /** The routes Fastify actually serves (Nest registers them on its router), from its route tree. */
  const servedRoutes = (): string[] => {
    const tree = (api.app.getHttpAdapter().getInstance() as { printRoutes(o: object): string }).printRoutes({
      commonPrefix: false,
    });
    const stack: string[] = [];
    return tree.split('\n').flatMap((line) => {
      const node = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
      if (!node) return [];
      const depth = node[1]!.length / 4;
      stack.length = depth;
      stack.push(node[2]!);
      const path = stack.join('').replace(/:(\w+)/g, '{$1}');
      if (path.startsWith('/docs') || path.startsWith('/console')) return [];
      return (node[3] ?? '')
        .split(', ')
        .filter((m) => m !== '' && m !== 'HEAD')
        .map((m) => `${m} ${path}`);
    });
  };

  it('documents exactly the routes served', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(servedRoutes().sort());
  });

  it('every command documents its body with examples, its answers, its headers and its problems', () => {
    const commands = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => m === 'post' || m === 'put')
        .map(([m, op]) => [`${m} ${path}`, op] as const),
    );
    expect(commands.length).toBeGreaterThanOrEqual(25);
    // The console's development sign-in is no command: it records nothing and needs no token (issue 18).
    for (const [name, op] of commands.filter(([n]) => n !== 'post /auth/dev-login')) {
      expect({ name, summary: typeof op.summary }).toEqual({ name, summary: 'string' });
      // Routes without a token (POST /public/evaluations, P5) never answer 401 or 403.
      const isPublic = name.startsWith('post /public/');
      expect({ name, codes: Object.keys(op.responses) }).toEqual({
        name,
        codes: expect.arrayContaining(isPublic ? ['400'] : ['400', '401', '403']),
      });
      // U7: sealing the store takes no body and is not a case command (no revision, no retry key);
      // I2: an erasure is done once (again: 409), outside the command pipeline's If-Match and retries.
      if (
        name === 'post /audit/seals' ||
        name === 'post /cases/{id}/personal-data-erasure' ||
        name === 'post /complaints/{complaintId}/personal-data-erasure'
      )
        continue;
      // Not commands on a stream: the manual clock, and resending a notification (202, no body).
      if (name !== 'post /admin/clock' && !name.endsWith('/redelivery')) {
        expect({ name, codes: Object.keys(op.responses) }).toEqual({
          name,
          codes: expect.arrayContaining(['200', '201', '409', '412', '413']),
        });
        expect(op.parameters?.map((p) => p.name)).toEqual(
          expect.arrayContaining(['Idempotency-Key', 'If-Match', 'X-Correlation-Id']),
        );
      }
      for (const [status, response] of Object.entries(op.responses))
        if (Number(status) >= 400) {
          const problem = response.content?.['application/problem+json'];
          expect({ name, status, examples: Object.keys(problem?.examples ?? {}).length > 0 }).toEqual({
            name,
            status,
            examples: true,
          });
        }
      const ref = op.requestBody?.content['application/json']?.schema.$ref;
      if (name.includes('/resumption') || name.endsWith('/redelivery')) continue;
      expect({ name, ref: typeof ref }).toEqual({ name, ref: 'string' });
      const schema = doc.components.schemas[ref!.split('/').pop()!]!;
      const withExamples = Object.values(schema.properties ?? {}).filter(
        (p) => p.example !== undefined || p.$ref || p.items,
      );
      expect({ name, examples: withExamples.length > 0 }).toEqual({ name, examples: true });
    }
  });

  it('names the rule codes a route can refuse with', () => {
    const extension = doc.paths['/cases/{id}/extension']!.post!;
    expect(Object.keys(extension.responses['422']!.content!['application/problem+json']!.examples!)).toEqual(
      expect.arrayContaining([
        'T7_EXTENSION_AFTER_DEADLINE',
        'T7_SECOND_EXTENSION',
        'U2_LATE_ENTRY_REASON_REQUIRED',
      ]),
    );
    expect(doc.components.schemas.ProblemDetailsSchema).toBeDefined();
  });

  it('R1, finding 13: reads of one case or complaint document 404 for what lies outside the scope, never OUT_OF_SCOPE', () => {
    const codesOf = (operation: Operation): string[] =>
      Object.values(operation.responses).flatMap((r) =>
        Object.keys(r.content?.['application/problem+json']?.examples ?? {}),
      );
    const reads = Object.entries(doc.paths).filter(
      ([path, ops]) => /^\/(cases\/\{id\}|complaints\/\{complaintId\})/.test(path) && ops.get,
    );
    expect(reads.length).toBeGreaterThanOrEqual(6);
    for (const [path, ops] of reads) {
      const codes = codesOf(ops.get!);
      expect({ path, notFound: codes.some((c) => c.endsWith('_NOT_FOUND')) }).toEqual({
        path,
        notFound: true,
      });
      expect({ path, codes }).toEqual({ path, codes: expect.not.arrayContaining(['OUT_OF_SCOPE']) });
    }
  });
});
