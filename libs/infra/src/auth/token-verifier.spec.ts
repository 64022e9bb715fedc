import { signStaffToken } from './token-signer.js';
import { createTokenVerifier } from './token-verifier.js';

const SECRET = 'a-secret-that-is-at-least-32-bytes-long!';
const verifier = createTokenVerifier({ kind: 'secret', secret: SECRET, devDefault: false });

describe('staff tokens', () => {
  it('maps the claims of a valid token; the same token verifies again from the cache', async () => {
    const token = await signStaffToken(
      {
        sub: 'u-window',
        name: '窗口王芳',
        role: 'window',
        centerId: 'center-1',
        departmentId: 'dept-market',
        windowId: 'win-3',
      },
      SECRET,
    );
    const expected = {
      ok: true,
      claims: {
        sub: 'u-window',
        name: '窗口王芳',
        role: 'window',
        centerId: 'center-1',
        departmentId: 'dept-market',
        windowId: 'win-3',
      },
    };
    expect(await verifier.verify(token)).toEqual(expected);
    expect(await verifier.verify(token)).toEqual(expected);
  });

  it('refuses other secrets, expired tokens, unknown roles and the system identity', async () => {
    const other = await signStaffToken(
      { sub: 'u', name: 'n', role: 'window' },
      'another-secret-of-at-least-32-bytes!!',
    );
    expect(await verifier.verify(other)).toMatchObject({ ok: false });
    const expired = await signStaffToken({ sub: 'u', name: 'n', role: 'window' }, SECRET, -120);
    expect(await verifier.verify(expired)).toEqual({ ok: false, reason: 'the token has expired' });
    const system = await signStaffToken({ sub: 'u', name: 'n', role: 'system' as never }, SECRET);
    expect(await verifier.verify(system)).toMatchObject({ ok: false, reason: expect.stringMatching(/role/) });
  });
});
