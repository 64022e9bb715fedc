/**
 * Accountability 5 (issue 19): a case's `accountability_cases` document carries the domain's
 * detection state, not the case's events. On realistic cases (bench/projector/realistic-cases.ts),
 * after every event its violations are what the detector that re-read every event finds (A1, C2–C5,
 * N2, T6, T12, P3–P6, U2: testing/reference-detect-violations.ts), also when every document goes
 * through BSON between events as the store gives it back; and a document an older version built
 * (the events) is folded into the same state. Pure: events applied as the runner does.
 */
import { BSON, type Document } from 'mongodb';
import type { RecordedCaseEvent } from '#domain/accountability/detection-step.js';
import { parseInstant, toShanghaiIso } from '#domain/calendar/index.js';
import { referenceDetectViolations } from '#domain/testing/reference-detect-violations.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { Instant } from '#infra/event-store/shanghai-instant.js';
import {
  decodeAccountabilityCase,
  type AccountabilityCaseDocument,
  type StoredAccountabilityCaseDocument,
} from '#infra/read-store/documents/accountability-documents.js';
import { realisticCaseAppends } from '../../../../../bench/projector/realistic-cases.js';
import type { Built } from '../../projection/projection.js';
import { accountabilityProjection as projection } from './accountability.projection.js';

const iso = (x: Instant): string =>
  toShanghaiIso(typeof x === 'string' ? parseInstant(x) : typeof x === 'number' ? x : x.getTime());

/** The planned appends as a store records them: revisions, positions, recording times. */
function realisticEvents(cases: number, seed: number): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  const revisions = new Map<string, number>();
  for (const append of realisticCaseAppends({ cases, seed }))
    for (const e of append.events) {
      const revision = revisions.get(append.streamId) ?? 0;
      revisions.set(append.streamId, revision + 1);
      out.push({
        ...e,
        occurredAt: iso(e.occurredAt),
        streamId: append.streamId,
        revision,
        position: String(out.length + 1).padStart(20, '0'),
        recordedAt: toShanghaiIso(append.recordedAt),
        integrity: { alg: 'sm3', prevHash: '', hash: '' },
      });
    }
  return out;
}

type Unit = Built<AccountabilityCaseDocument>;

const isStored = (d: Document): d is StoredAccountabilityCaseDocument =>
  typeof d._id === 'string' && typeof d._position === 'string' && Array.isArray(d.violations);

/** As the store gives a document back: BSON, then the codec. */
function stored(unit: Unit): Unit {
  const encoded = { ...projection.unitCodec!.encode(unit), _position: '0' };
  const back = BSON.deserialize(BSON.serialize(encoded, { ignoreUndefined: true }));
  if (!isStored(back)) throw new Error('not an accountability_cases document');
  const { _position: _p, ...decoded } = decodeAccountabilityCase(back);
  return decoded;
}

describe('accountability 5: the detection state in place of the events (issue 19, A1)', () => {
  const events = realisticEvents(600, 11);
  const caseEvents = events.filter((e) => projection.unitOf(e)?.startsWith('complaint-') === false);

  it('after every event of 600 realistic cases, each case’s violations equal the re-reading detector’s; through BSON too', () => {
    const units = new Map<string, Unit>();
    const history = new Map<string, RecordedCaseEvent[]>();
    const codes = new Set<string>();
    for (const e of caseEvents) {
      const id = projection.unitOf(e)!;
      const before = units.get(id);
      const step = projection.apply(before && stored(before), projection.decode(e), null);
      const seen = [...(history.get(id) ?? []), toCaseEvent(e)];
      history.set(id, seen);
      units.set(id, step.unit);
      const expected = referenceDetectViolations(seen);
      expect(step.unit.violations).toEqual(expected);
      for (const v of expected) codes.add(v.code);
      expect(step.unit).not.toHaveProperty('events');
    }
    expect(history.size).toBe(600);
    expect(codes.size).toBeGreaterThanOrEqual(5);
  });

  it('a document built by accountability 4 (the case’s events) folds into the state version 5 builds', () => {
    const units = new Map<string, Unit>();
    const legacy = new Map<string, StoredAccountabilityCaseDocument>();
    for (const e of caseEvents) {
      const id = projection.unitOf(e)!;
      const step = projection.apply(units.get(id), projection.decode(e), null);
      units.set(id, step.unit);
      const was = legacy.get(id);
      legacy.set(id, {
        _id: id,
        _position: e.position,
        caseId: id,
        events: [...(was?.events ?? []), toCaseEvent(e)],
        violations: step.unit.violations,
      });
    }
    for (const [id, doc] of legacy) {
      const { _position: _p, ...decoded } = decodeAccountabilityCase(doc);
      expect(decoded).toEqual(units.get(id));
    }
  });
});
