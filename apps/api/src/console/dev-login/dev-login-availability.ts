/**
 * When the development login may mint tokens (issue 18): only while the API signs with the built-in
 * development secret (AUTH_JWT_SECRET unset, outside production) and only for a request made on
 * this machine — both ends of the connection on loopback and a loopback Host, so neither another
 * host nor a web page that rebinds its own name to 127.0.0.1 gets a token. Anything else: refused.
 */
import type { AppConfig } from '#infra/config/app-config.js';

const LOOPBACK_ADDRESS = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/i;

export type DevLoginAvailability =
  | { readonly available: true; readonly secret: string }
  | { readonly available: false; readonly reason: string };

/** What the judgement reads of a request (an IncomingMessage has it). */
export interface RequestOrigin {
  readonly socket: { readonly remoteAddress?: string; readonly localAddress?: string };
  readonly headers: { readonly host?: string };
}

export function devLoginAvailability(config: AppConfig, request: RequestOrigin): DevLoginAvailability {
  if (config.auth.kind !== 'secret' || !config.auth.devDefault)
    return {
      available: false,
      reason: 'The development login exists only while AUTH_JWT_SECRET is unset (the development secret).',
    };
  const { remoteAddress, localAddress } = request.socket;
  const host = request.headers.host ?? '';
  if (
    !LOOPBACK_ADDRESS.test(remoteAddress ?? '') ||
    !LOOPBACK_ADDRESS.test(localAddress ?? '') ||
    !LOOPBACK_HOST.test(host)
  )
    return {
      available: false,
      reason: 'The development login answers only requests made on this machine (loopback address and Host).',
    };
  return { available: true, secret: config.auth.secret };
}
