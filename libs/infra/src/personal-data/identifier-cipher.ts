import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { pooledRandomBytes } from './pooled-random.js';

/**
 * I2: applicant identifiers are stored as AES-256-GCM ciphertext under a data key of their case,
 * and data keys under a master key (DATA_KEY_SECRET). The text form of a ciphertext is
 * `enc:v1:<base64url(iv ‖ tag ‖ ciphertext)>`; the additional data binds it to its stream and
 * field, so a ciphertext copied into another case or field does not decrypt.
 */
export const CIPHERTEXT_PREFIX = 'enc:v1:';
export { ERASED_IDENTIFIER } from '#domain/privacy/mask-applicant.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function isCiphertext(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(CIPHERTEXT_PREFIX);
}

export function encrypt(key: Buffer, plain: string, aad: string): string {
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return CIPHERTEXT_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plain text, or `undefined` when the key, the additional data or the ciphertext is not its own. */
export function decrypt(key: Buffer, text: string, aad: string): string | undefined {
  if (!isCiphertext(text)) return undefined;
  const raw = Buffer.from(text.slice(CIPHERTEXT_PREFIX.length), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}

/** The master key that wraps data keys, derived from DATA_KEY_SECRET (HKDF-SHA256). */
export function masterKeyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'gov-service-cases', 'I2 data keys v1', 32));
}

export function newDataKey(): Buffer {
  return pooledRandomBytes(32);
}
