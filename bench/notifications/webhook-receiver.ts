/**
 * A real webhook receiver for the notification suites and the bench (npm run bench:notifications): node:http on 127.0.0.1, each
 * request recorded with its raw body and headers, and answered as the test says: a status, after a
 * delay, or never (the socket stays open until the receiver closes).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ReceivedRequest {
  readonly notificationId: string | undefined;
  readonly signature: string | undefined;
  readonly contentType: string | undefined;
  readonly rawBody: string;
  readonly answered: number | 'never';
}

/** What to do with the n-th request (0-based): answer a status after a delay, or never. */
export type Behaviour = (n: number) => { readonly status: number; readonly delayMs?: number } | 'never';

export interface WebhookReceiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  behave(behaviour: Behaviour): void;
  /** The requests that carried this notification id. */
  of(notificationId: string): ReceivedRequest[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  behaviour: Behaviour = () => ({ status: 200 }),
): Promise<WebhookReceiver> {
  let behave = behaviour;
  const requests: ReceivedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const action = behave(requests.length);
      requests.push({
        notificationId: header(req, 'x-notification-id'),
        signature: header(req, 'x-signature'),
        contentType: header(req, 'content-type'),
        rawBody: Buffer.concat(chunks).toString('utf8'),
        answered: action === 'never' ? 'never' : action.status,
      });
      if (action === 'never') return;
      const answer = (): void => {
        res.writeHead(action.status, { 'content-type': 'text/plain' }).end('ok');
      };
      if (action.delayMs) setTimeout(answer, action.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the receiver has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/hooks/supervision`,
    requests,
    behave(next) {
      behave = next;
    },
    of: (id) => requests.filter((r) => r.notificationId === id),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Polls until `check` holds (returns true) or fails after `timeoutMs`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
