/**
 * One POST of a notification channel (webhook, SMS gateway), with the SSRF guard (E2,
 * public-address.ts): the host must be, or resolve to, public addresses only, unless
 * NOTIFICATIONS_ALLOW_PRIVATE_HOSTS=on. The check runs in the socket's own lookup, on the address
 * it then connects to, so a name that resolves to a public address when checked and to a private
 * one when connecting (DNS rebinding) is refused too. `node:http(s)` rather than fetch: fetch has
 * no lookup of its own to put the check in.
 */
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress, NonPublicAddressRefused } from '#infra/notifications/public-address.js';

export interface OutboundPost {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly allowPrivateHosts: boolean;
  /** Read the answer's body (at most 64 KiB); otherwise it is discarded. */
  readonly readAnswer?: boolean;
}

export interface OutboundAnswer {
  readonly status: number;
  /** The body, when asked for. */
  readonly text?: string;
}

const MAX_ANSWER_BYTES = 64 * 1024;

/** A lookup that refuses non-public addresses, in both of the forms net asks for (`all` or not). */
function publicOnlyLookup(host: string): LookupFunction {
  return (hostname, options, answer) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return answer(error, []);
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return answer(new NonPublicAddressRefused(host, refused.address), []);
      if (options.all) return answer(null, addresses);
      const first = addresses[0];
      if (!first)
        return answer(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      answer(null, first.address, first.family);
    });
  };
}

export function postOutbound(url: URL, post: OutboundPost): Promise<OutboundAnswer> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!post.allowPrivateHosts && isIP(host) !== 0 && !isPublicAddress(host))
    return Promise.reject(new NonPublicAddressRefused(host, host));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const signal = AbortSignal.timeout(post.timeoutMs);
  return new Promise<OutboundAnswer>((resolve, reject) => {
    // A timeout is reported as the signal's TimeoutError, whatever stream it cut.
    const fail = (error: unknown): void => reject(signal.aborted ? signal.reason : error);
    const sent = request(
      url,
      {
        method: 'POST',
        headers: { ...post.headers, 'Content-Length': String(Buffer.byteLength(post.body)) },
        signal,
        ...(post.allowPrivateHosts ? {} : { lookup: publicOnlyLookup(host) }),
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        if (!post.readAnswer) {
          response.resume();
          response.once('end', () => resolve({ status }));
          response.once('error', fail);
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) return response.destroy(new Error('answer over 64 KiB'));
          chunks.push(chunk);
        });
        response.once('end', () => resolve({ status, text: Buffer.concat(chunks).toString('utf8') }));
        response.once('error', fail);
      },
    );
    sent.once('error', fail);
    sent.end(post.body);
  });
}
