/**
 * I2 with the projector and a read store (FerretDB): read models hold only masked identifiers; an
 * auditor's GET /cases/{id} takes them from the events; after erasure both read as erased.
 */
import { INQUIRY } from '../api/support/case-fixtures.js';
import { tokenFor } from '../api/support/api-harness.js';
import { startSupervisedApi, type SupervisedApi } from './support/supervised-api.js';
import { useTestApi } from '../api/support/test-api-stand.js';

const { idNumber, phone } = INQUIRY.applicant;

describe('I2 read models (projector + FerretDB)', () => {
  let api: SupervisedApi;

  useTestApi({ open: () => startSupervisedApi(), configure: null }, (stand) => ({ api } = stand));

  it('I2: case_views holds masked identifiers only; the auditor sees them, then erased after erasure', async () => {
    const auditor = await tokenFor('auditor');
    const created = await api.request<{ caseId: string }>('POST', '/cases/inquiries', INQUIRY, {
      token: await tokenFor('guide'),
    });
    const { caseId } = created.body;
    const seen = await api.request<{ applicant: Record<string, string> }>(
      'GET',
      `/cases/${caseId}`,
      undefined,
      {
        token: auditor,
      },
    );
    expect(seen.body.applicant).toMatchObject({ idNumber, phone });
    const stored = JSON.stringify(
      await api.db!.collection<{ _id: string }>('case_views').findOne({ _id: caseId }),
    );
    expect(stored).not.toContain(idNumber);
    expect(stored).not.toContain(phone);
    expect(stored).toContain('110************234');

    const erased = await api.request('POST', `/cases/${caseId}/personal-data-erasure`, {
      legalBasis: '保存期限届满',
    });
    expect(erased.status).toBe(201);
    for (const token of [auditor, await tokenFor('supervisor')]) {
      const after = await api.request<{ applicant: Record<string, string> }>(
        'GET',
        `/cases/${caseId}`,
        undefined,
        {
          token,
        },
      );
      expect(after.body.applicant).toMatchObject({ idNumber: '[已删除]', phone: '[已删除]' });
    }
    await api.viewsCaughtUp();
    const afterStored = JSON.stringify(
      await api.db!.collection<{ _id: string }>('case_views').findOne({ _id: caseId }),
    );
    expect(afterStored).not.toContain('1234');
    expect(afterStored).toContain('[已删除]');
  });
});
