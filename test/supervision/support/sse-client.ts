/** A minimal server-sent-events reader over fetch, for the alert stream tests. */
export interface SseFrame {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  /** Comment lines (`: heartbeat`). */
  readonly comments: readonly string[];
}

export interface SseConnection {
  readonly status: number;
  readonly contentType: string | null;
  readonly frames: SseFrame[];
  /** Resolves when at least `count` frames satisfy `predicate` (rejects after `timeoutMs`). */
  waitFor(predicate: (f: SseFrame) => boolean, count?: number, timeoutMs?: number): Promise<SseFrame[]>;
  /** Frames carrying data (alerts), parsed. */
  alerts(): Record<string, unknown>[];
  close(): void;
  /** Resolves when the server has ended the stream or the client closed it. */
  readonly ended: Promise<void>;
  readonly body: unknown;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseConnection> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const frames: SseFrame[] = [];
  const listeners = new Set<() => void>();
  if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    const body: unknown = await res.json().catch(() => undefined);
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      frames,
      waitFor: () => Promise.reject(new Error(`not an event stream: ${res.status}`)),
      alerts: () => [],
      close: () => abort.abort(),
      ended: Promise.resolve(),
      body,
    };
  }
  const ended = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          frames.push(parseFrame(block));
          for (const l of listeners) l();
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    frames,
    body: undefined,
    ended,
    alerts: () =>
      frames.filter((f) => f.data !== undefined).map((f) => JSON.parse(f.data!) as Record<string, unknown>),
    close: () => abort.abort(),
    waitFor(predicate, count = 1, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = frames.filter(predicate);
          if (found.length >= count) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`waited ${timeoutMs} ms for ${count} frames; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

function parseFrame(block: string): SseFrame {
  const frame: { id?: string; event?: string; data?: string; comments: string[] } = { comments: [] };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comments.push(line.slice(1).trim());
    else if (line.startsWith('id: ')) frame.id = line.slice(4);
    else if (line.startsWith('event: ')) frame.event = line.slice(7);
    else if (line.startsWith('data: '))
      frame.data = (frame.data === undefined ? '' : `${frame.data}\n`) + line.slice(6);
  }
  return frame;
}
