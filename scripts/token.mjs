#!/usr/bin/env node
/**
 * Prints a staff token for local use (docs/DESIGN.md "HTTP API"):
 *   npm run --silent token -- --role window --dept dept-market --window win-3 --center center-1 --name 王芳
 *
 * Plain JavaScript on `jose`, so it runs at once without a build. It signs HS256 with
 * AUTH_JWT_SECRET, or, when that is unset outside production, with the development secret the API
 * falls back to (libs/infra/src/config/dev-jwt-secret.json, the one definition both read). Every
 * token carries `iat` and `exp` (default 8 h). test/system/token-script.spec.ts checks that the API's
 * own verifier accepts what this prints, and that the roles below are the domain's.
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { parseArgs, TextEncoder } from 'node:util';
import { SignJWT } from 'jose';

/** The staff roles of libs/domain/src/actor/actor.ts (docs/DOMAIN.md "Who uses it"). */
const STAFF_ROLES = ['guide', 'proxy', 'window', 'approver', 'supervisor', 'auditor', 'admin'];
/** HS256 needs a key at least as long as the hash (RFC 7518 §3.2); the API refuses a shorter one. */
const MIN_SECRET_BYTES = 32;

const usage = `usage: npm run --silent token -- --role <${STAFF_ROLES.join('|')}> [--sub id] [--name 名字] [--center id] [--dept id] [--window id] [--expires 8h]`;

const fail = (message, code = 2) => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      center: { type: 'string', default: 'center-1' },
      dept: { type: 'string' },
      window: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(`${error.message}\n${usage}`);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (!values.role || !STAFF_ROLES.includes(values.role)) fail(usage);

const env = process.env;
const present = (value) => value !== undefined && value.trim() !== '';
if (present(env.AUTH_JWKS_URL))
  fail('AUTH_JWKS_URL is set: tokens come from the identity provider, not from this script.');
let secret;
if (present(env.AUTH_JWT_SECRET)) {
  secret = env.AUTH_JWT_SECRET;
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES)
    fail(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long for HS256.`);
} else if (env.NODE_ENV === 'production') {
  fail('AUTH_JWT_SECRET is unset and NODE_ENV=production: there is no development secret to sign with.');
} else {
  const file = new URL('../libs/infra/src/config/dev-jwt-secret.json', import.meta.url);
  secret = JSON.parse(readFileSync(file, 'utf8')).secret;
}

const claims = {
  name: values.name ?? `${values.role}-user`,
  role: values.role,
  ...(values.center && { centerId: values.center }),
  ...(values.dept && { departmentId: values.dept }),
  ...(values.window && { windowId: values.window }),
};
let token;
try {
  token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(values.sub ?? `u-${values.role}`)
    .setIssuedAt()
    .setExpirationTime(values.expires)
    .sign(new TextEncoder().encode(secret));
} catch (error) {
  fail(`--expires ${JSON.stringify(values.expires)}: ${error.message} (e.g. 30m, 8h, 2d)`);
}
process.stdout.write(`${token}\n`);
