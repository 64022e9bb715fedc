/**
 * The accountability projection on a case (A1, A2, C4): one document per violation, written when
 * the events prove it and withdrawn (`counted: false`, the document kept) when they no longer do,
 * named by the case's center (R1), window and quarter. Pure: events applied as the runner does.
 */
import { anAcceptedCase, supervisor } from '#domain/testing/index.js';
import { recordedCaseStream as recorded } from '#infra/testing/recorded-case-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { accountabilityProjection } from './accountability.projection.js';

/** Applies the events in order; the violation documents as the deltas leave them (the last `$set` wins). */
function project(events: readonly RecordedEvent[]): Map<string, Readonly<Record<string, unknown>>> {
  let unit: ReturnType<typeof accountabilityProjection.apply>['unit'] | undefined;
  const documents = new Map<string, Readonly<Record<string, unknown>>>();
  for (const e of events) {
    expect(accountabilityProjection.unitOf(e)).toBe('case-1');
    const step = accountabilityProjection.apply(unit, accountabilityProjection.decode(e), null);
    unit = step.unit;
    for (const d of step.shared ?? []) {
      expect(d.collection).toBe('accountability_violations');
      documents.set(d.id, { ...documents.get(d.id), ...d.initial, ...d.set });
    }
  }
  return documents;
}

const overdueCase = () => anAcceptedCase('2026-03-02T10:00:00+08:00').supervised('2026-03-09T18:00:00+08:00');

describe('accountability of a case: one document per violation (A1, A2)', () => {
  it('A1, A2: given a case overdue to yellow, then its OVERDUE violation is one document with its window, quarter, center and evidence', () => {
    const events = recorded(overdueCase().events());
    const overdue = [...project(events)].filter(([, d]) => d.code === 'OVERDUE');
    expect(overdue).toEqual([
      [
        expect.stringMatching(/^OVERDUE:ev-\d+$/),
        expect.objectContaining({
          caseId: 'case-1',
          centerId: 'center-1',
          windowId: 'win-3',
          departmentId: 'dept-market',
          quarter: '2026Q1',
          complaintId: null,
          counted: true,
        }),
      ],
    ]);
    expect(overdue[0]![1].evidence).toHaveLength(2);
  });

  it('C4: given the yellow card revoked, then the violation’s document is withdrawn, not removed', () => {
    const events = recorded(
      overdueCase()
        .step(
          { type: 'RevokeCard', actor: supervisor, cardId: 'yellow-202603091730', reason: '系统误判' },
          '2026-03-10T09:00:00+08:00',
        )
        .events(),
    );
    const overdue = [...project(events).values()].filter((d) => d.code === 'OVERDUE');
    expect(overdue).toEqual([expect.objectContaining({ windowId: 'win-3', counted: false })]);
  });
});
