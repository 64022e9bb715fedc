/**
 * Tencent Cloud API signature v3, TC3-HMAC-SHA256 (cloud.tencent.com/document/api/382/52072 for
 * SMS; the same algorithm for every Tencent Cloud API): a canonical request over the method, path,
 * the signed headers `content-type;host` and the SHA-256 of the body; signed with a key derived
 * from "TC3" + SecretKey, the UTC date, the service and "tc3_request".
 */
import { createHash, createHmac } from 'node:crypto';

export interface Tc3Request {
  readonly secretId: string;
  readonly secretKey: string;
  /** e.g. `sms`; the first label of the host. */
  readonly service: string;
  readonly host: string;
  /** Unix seconds, also sent as X-TC-Timestamp. */
  readonly timestamp: number;
  readonly payload: string;
  readonly contentType?: string;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer =>
  createHmac('sha256', key).update(text, 'utf8').digest();

/** The `Authorization` header value. */
export function tc3Authorization(request: Tc3Request): string {
  const contentType = request.contentType ?? 'application/json; charset=utf-8';
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${contentType}\nhost:${request.host}\n`,
    signedHeaders,
    sha256Hex(request.payload),
  ].join('\n');
  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${request.service}/tc3_request`;
  const stringToSign = [
    'TC3-HMAC-SHA256',
    String(request.timestamp),
    scope,
    sha256Hex(canonicalRequest),
  ].join('\n');
  const secretDate = hmac(`TC3${request.secretKey}`, date);
  const secretService = hmac(secretDate, request.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${request.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
