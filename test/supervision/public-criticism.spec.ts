/**
 * C6 over HTTP: two consecutive late completions of one department within 30 days make supervision
 * recommend public criticism (通报批评) on the second case, once; an on-time completion in between
 * resets the run; other departments' completions do not count.
 */
import { acceptedTaxCase, caseAt, defineTaxMatter, type Tokens } from '../api/support/case-fixtures.js';
import { approve } from '../api/support/case-steps.js';
import { useTestApi } from '../api/support/test-api-stand.js';

import { startSupervisedApi, type SupervisedApi } from './support/supervised-api.js';
import { eventsOf } from './support/walkthrough-steps.js';

describe('public-criticism recommendation (C6)', () => {
  let api: SupervisedApi;
  let t: Tokens;
  const complete = (id: string, token: string) => approve(api, id, `JD-${id.slice(0, 6)}`, token);

  const recommendations = async (id: string) =>
    (await eventsOf(api, id, t.auditor)).filter((e) => e.type === 'PublicCriticismRecommended');

  useTestApi({ open: () => startSupervisedApi() }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    await defineTaxMatter(api, t, 'M-TAX');
  });

  it('recommends on the second consecutive late completion of a department, once', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => caseAt(api, t, 'accepted'))); // due 03-09 17:30
    const tax = await acceptedTaxCase(api, t, 'M-TAX', 'SL-TAX');

    await api.setClock('2026-03-10T10:00:00+08:00');
    await complete(a!, t.window); // late
    await api.setClock('2026-03-10T10:01:00+08:00');
    expect(await recommendations(a!)).toEqual([]);
    await complete(tax, t.otherWindow); // late, another department: does not break the run
    await complete(b!, t.approver); // late: the second in a row for dept-market
    const answer = await api.request('POST', '/admin/clock', { now: '2026-03-10T10:02:00+08:00' });
    expect(answer.status).toBe(200);
    const [recommended] = await recommendations(b!);
    expect(recommended).toMatchObject({
      actor: { id: 'system:supervision', role: 'system' },
      data: { departmentId: 'dept-market', lateCaseIds: [a, b], policyVersion: 'default-2026.1' },
    });
    expect(await recommendations(tax)).toEqual([]);
    await api.setClock('2026-03-10T10:03:00+08:00');
    await api.loop.tick();
    expect(await recommendations(b!)).toHaveLength(1);

    // An on-time completion resets the run: c, late after it, is not recommended.
    const d = await caseAt(api, t, 'accepted');
    await complete(d, t.window);
    await api.setClock('2026-03-10T10:10:00+08:00');
    await complete(c!, t.window);
    await api.setClock('2026-03-10T10:11:00+08:00');
    expect(await recommendations(c!)).toEqual([]);
  });
});
