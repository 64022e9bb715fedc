/**
 * Calls to the documented API with the session's bearer token. Answers are told apart for the
 * pages: a value, a problem (application/problem+json, shown with its Chinese title and code), or
 * `absent` — 404 NOT_FOUND for the route itself, i.e. a route docs/API.md marks planned that this
 * API version does not serve yet, which the pages say plainly instead of failing.
 */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
}

export type ApiResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'absent'; readonly path: string }
  | { readonly kind: 'problem'; readonly problem: Problem };

export type Query = Readonly<Record<string, string | number | undefined>>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = {
    status: response.status,
    code: `HTTP_${response.status}`,
    title: '请求失败',
    detail: response.statusText,
  };
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return fallback;
    const b = body as Record<string, unknown>;
    return {
      status: response.status,
      code: typeof b.code === 'string' ? b.code : fallback.code,
      title: typeof b.title === 'string' ? b.title : fallback.title,
      detail: typeof b.detail === 'string' ? b.detail : fallback.detail,
    };
  } catch {
    return fallback;
  }
}

export class Api {
  constructor(
    private readonly token: string | undefined,
    /** Called on 401: the token expired or was refused; the console signs out. */
    private readonly onUnauthenticated: () => void = () => undefined,
  ) {}

  headers(accept = 'application/json'): Record<string, string> {
    return { accept, ...(this.token !== undefined && { authorization: `Bearer ${this.token}` }) };
  }

  async json<T>(path: string, query?: Query): Promise<ApiResult<T>> {
    return this.send<T>('GET', withQuery(path, query), undefined, (r) => r.json() as Promise<T>);
  }

  async text(path: string, accept: string): Promise<ApiResult<string>> {
    return this.send('GET', path, undefined, (r) => r.text(), accept);
  }

  async post<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return this.send<T>('POST', path, body, (r) => r.json() as Promise<T>);
  }

  private async send<T>(
    method: string,
    path: string,
    body: unknown,
    read: (r: Response) => Promise<T>,
    accept?: string,
  ): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: {
          ...this.headers(accept),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { kind: 'problem', problem: { status: 0, code: 'NETWORK', title: '无法连接服务器', detail } };
    }
    if (response.ok) return { kind: 'ok', value: await read(response) };
    const problem = await problemOf(response);
    if (response.status === 401) this.onUnauthenticated();
    // NOT_FOUND is the API's answer for a route it does not serve (CASE_NOT_FOUND … name things).
    if (response.status === 404 && problem.code === 'NOT_FOUND') return { kind: 'absent', path };
    return { kind: 'problem', problem };
  }
}
