/**
 * Prints a staff token for local use (DESIGN.md "HTTP API": "A script prints a token for local use"):
 *   npm run token -- --role window --dept dept-market --window win-3 --center center-1 --name 王芳
 * Signed with AUTH_JWT_SECRET, or the development secret the API also falls back to when it is unset
 * outside production.
 */
import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '#domain/actor/actor.js';
import { signStaffToken } from '#infra/auth/token-signer.js';
import { ConfigError, loadConfig } from '#infra/config/app-config.js';

const usage = `usage: npm run token -- --role <${STAFF_ROLES.join('|')}> [--sub id] [--name 名字] [--center id] [--dept id] [--window id] [--expires 8h]`;

const { values } = parseArgs({
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
});

if (values.help || !values.role || !(STAFF_ROLES as readonly string[]).includes(values.role)) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
let secret: string;
try {
  const config = loadConfig(process.env);
  if (config.auth.kind !== 'secret') {
    console.error('AUTH_JWKS_URL is set: tokens come from the identity provider, not from this script.');
    process.exit(2);
  }
  secret = config.auth.secret;
  if (config.auth.devDefault)
    console.error('warning: AUTH_JWT_SECRET is unset; signing with the development secret.');
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
const role = values.role as StaffRole;
const token = await signStaffToken(
  {
    sub: values.sub ?? `u-${role}`,
    name: values.name ?? `${role}-user`,
    role,
    ...(values.center && { centerId: values.center }),
    ...(values.dept && { departmentId: values.dept }),
    ...(values.window && { windowId: values.window }),
  },
  secret,
  values.expires,
);
console.log(token);
