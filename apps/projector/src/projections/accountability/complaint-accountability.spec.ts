import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { accountabilityProjection } from './accountability.projection.js';

const actor = { id: 'u-super', name: '督查刘洋', role: 'supervisor', departmentId: null, windowId: null };
let revision = 0;
const recorded = (type: string, data: unknown, at: string): RecordedEvent => ({
  eventId: `e-${revision}`,
  type,
  schemaVersion: 1,
  streamId: 'complaint-TS-20260302-ABCD2345',
  revision: revision++,
  position: `0000000000000000000${revision}:00000000000000000000`,
  occurredAt: at,
  recordedAt: at,
  actor,
  correlationId: 'c',
  causationId: null,
  data,
  integrity: { alg: 'sm3', prevHash: '', hash: '' },
});
const receivedAbout = (subject: Record<string, string>) =>
  recorded(
    'ComplaintReceived',
    {
      complaintId: 'TS-20260302-ABCD2345',
      centerId: 'center-1',
      channel: 'hotline',
      subject,
      content: '窗口人员拒绝登记',
      complainant: { name: '李四', phone: '13900139000' },
      receiptNo: 'TS-20260302-ABCD2345',
      queryCodeHash: 'a'.repeat(64),
      dueAt: '2026-03-09T17:30:00.000+08:00',
    },
    '2026-03-02T09:00:00.000+08:00',
  );
const concluded = (substantiated: boolean) =>
  recorded(
    'ComplaintConclusionRecorded',
    { substantiated, reply: '属实', late: false },
    '2026-03-04T10:00:00.000+08:00',
  );

/** Applies the events in order as the runner does, with the shared changes they yield. */
function project(events: readonly RecordedEvent[]) {
  let unit: ReturnType<typeof accountabilityProjection.apply>['unit'] | undefined;
  const shared: { id: string; set: Readonly<Record<string, unknown>> | undefined }[] = [];
  for (const e of events) {
    expect(accountabilityProjection.unitOf(e)).toBe('complaint-TS-20260302-ABCD2345');
    const step = accountabilityProjection.apply(unit, accountabilityProjection.decode(e), null);
    unit = step.unit;
    for (const change of step.shared ?? []) shared.push({ id: change.id, set: change.set });
  }
  return { unit: unit!, shared };
}

describe('accountability of a complaint without a case (P3, A1, A2)', () => {
  it('P3: given a complaint about a staff member at a window, when it is concluded substantiated, then COMPLAINT_SUBSTANTIATED counts in that window’s quarter, naming the staff member and the complaint', () => {
    revision = 0;
    const { unit, shared } = project([
      receivedAbout({ kind: 'staff', id: 'u-window', windowId: 'win-3', departmentId: 'dept-market' }),
      concluded(true),
    ]);
    expect(unit.violations).toEqual([
      expect.objectContaining({
        code: 'COMPLAINT_SUBSTANTIATED',
        rule: 'P3',
        caseId: '',
        complaintId: 'TS-20260302-ABCD2345',
        staffId: 'u-window',
        windowId: 'win-3',
        departmentId: 'dept-market',
        evidence: ['e-0', 'e-1'],
      }),
    ]);
    // One document per violation, counting in the window's quarter, read in the receipt's center (R1).
    expect(shared).toEqual([
      {
        id: 'COMPLAINT_SUBSTANTIATED:e-1',
        set: expect.objectContaining({
          windowId: 'win-3',
          quarter: '2026Q1',
          centerId: 'center-1',
          staffId: 'u-window',
          counted: true,
        }),
      },
    ]);
  });

  it('I1: given a received complaint, then the read model keeps neither the complainant nor the content', () => {
    revision = 0;
    const text = JSON.stringify(project([receivedAbout({ kind: 'window', id: 'win-3' })]).unit);
    for (const personal of ['李四', '13900139000', '拒绝登记']) expect(text).not.toContain(personal);
  });

  it('P3: given a complaint concluded unsubstantiated, or one about the center, then nothing counts against a window', () => {
    revision = 0;
    expect(project([receivedAbout({ kind: 'window', id: 'win-3' }), concluded(false)])).toMatchObject({
      unit: { violations: [] },
      shared: [],
    });
    revision = 0;
    const center = project([receivedAbout({ kind: 'center' }), concluded(true)]);
    expect(center.unit.violations).toHaveLength(1);
    expect(center.shared).toEqual([
      { id: 'COMPLAINT_SUBSTANTIATED:e-1', set: expect.objectContaining({ windowId: null, counted: true }) },
    ]);
  });

  it('R1: given a complaint without a case that names a case, then its violation names no center: the API reads the named case’s (case-scope.ts)', () => {
    revision = 0;
    const { shared } = project([
      receivedAbout({ kind: 'case', id: 'case-9', windowId: 'win-3' }),
      concluded(true),
    ]);
    expect(shared).toEqual([
      {
        id: 'COMPLAINT_SUBSTANTIATED:e-1',
        set: expect.objectContaining({ caseId: 'case-9', windowId: 'win-3', centerId: null, counted: true }),
      },
    ]);
  });
});
