/**
 * The one HTTP helper of every suite (API, projector, supervision, console): a request over a real
 * socket with a bearer token (the suite's default unless `token` says otherwise; null sends none),
 * JSON encoded, the answer parsed as JSON when it is JSON and left as text otherwise (CSV, HTML).
 */
export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface RequestOptions {
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
  /** Sent as is (for malformed JSON); otherwise `body` is JSON-encoded. */
  readonly raw?: string;
}

export type HttpRequest = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  options?: RequestOptions,
) => Promise<ApiResponse<T>>;

/** `before` runs first (e.g. waiting for the projector before a read of its views). */
export function httpRequest(
  url: string,
  defaultToken: string | null,
  before?: (method: string, path: string) => Promise<void>,
): HttpRequest {
  return async (method, path, body, options = {}) => {
    await before?.(method, path);
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? defaultToken : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined && headers['content-type'] === undefined)
      headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(payload !== undefined && { body: payload }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON (CSV, HTML, a plain-text error): the text itself, for the assertion to show
    }
    return { status: res.status, headers: res.headers, body: parsed as never };
  };
}

/** A step of a test's setup: `request`, failing loudly with the answer unless it is 200 or 201. */
export const succeeding =
  (request: HttpRequest) =>
  async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<T> => {
    const res = await request<T>(method, path, body, options);
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

/**
 * For a suite whose API answers at an address known only once it listens (a child process): `call`
 * and `ok` (a step that must succeed) with the bearer token first, none when null.
 */
export function callsTo(url: () => string) {
  return {
    call: <T = Record<string, unknown>>(method: string, path: string, token: string | null, body?: unknown) =>
      httpRequest(url(), null)<T>(method, path, body, { token }),
    ok: <T = Record<string, unknown>>(method: string, path: string, token: string, body?: unknown) =>
      succeeding(httpRequest(url(), null))<T>(method, path, body, { token }),
  };
}
