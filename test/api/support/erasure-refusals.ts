/** I2's refusals, the same for a case's and a complaint's erasure route: each records nothing. */
import type { TestApi } from './api-harness.js';

/** Not an admin: 403; no legal basis: 400 naming it; a field the command does not have: 400. */
export async function expectErasureRefusals(api: TestApi, path: string, auditor: string): Promise<void> {
  expect((await api.request('POST', path, { legalBasis: '期限届满' }, { token: auditor })).status).toBe(403);
  const missing = await api.request('POST', path, {});
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'legalBasis' }] });
  expect((await api.request('POST', path, { legalBasis: 'x', extra: 1 })).status).toBe(400);
}
