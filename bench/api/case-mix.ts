/**
 * The realistic mix of the bench: each connection takes case after case through register →
 * apply → accept → complete, every step a command over HTTP on the case the register created.
 */
import type { AutocannonRequest } from 'autocannon';

export const MATTER_CODE = 'BENCH-001';

export const MATTER = {
  name: '食品经营许可（压测）',
  departmentId: 'dept-market',
  kind: 'promised',
  promisedLimitDays: 5,
  requiredMaterials: [{ code: 'id', name: '身份证' }],
};

const json = (body: unknown): string => JSON.stringify(body);

export function caseMix(): AutocannonRequest[] {
  const onCase = (suffix: string, body: string): AutocannonRequest => ({
    method: 'POST',
    body,
    setupRequest: (request, context) => ({ ...request, path: `/cases/${String(context.caseId)}/${suffix}` }),
  });
  return [
    {
      method: 'POST',
      path: '/cases/inquiries',
      body: json({
        centerId: 'center-1',
        channel: 'window',
        applicant: { kind: 'person', name: '李四', idNumber: '110101199003071234', phone: '13800138000' },
        question: '如何办理食品经营许可？',
      }),
      onResponse: (status, body, context) => {
        if (status === 201) context.caseId = (JSON.parse(body) as { caseId: string }).caseId;
      },
    },
    onCase('application', json({ matterCode: MATTER_CODE, materials: [{ code: 'id', name: '身份证' }] })),
    onCase('acceptance', json({ receiptNo: 'SL-BENCH-0001' })),
    onCase('completion', json({ outcome: 'approved', decisionNo: 'JD-BENCH-0001' })),
  ];
}
