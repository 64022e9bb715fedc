import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  GENESIS_HASH,
  eventHash,
  verifyChain,
  type ChainedEvent,
  type HashedEventFields,
} from './hash-chain.js';

const actor = { id: 'staff-1', name: '王芳', role: 'window', departmentId: 'dept-1', windowId: 'w-3' };

function fields(revision: number, data: unknown = { n: revision }): HashedEventFields {
  return {
    eventId: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
    type: 'ApplicationAccepted',
    schemaVersion: 1,
    streamId: 'case-1',
    revision,
    occurredAt: '2026-02-13T10:00:00.000+08:00',
    recordedAt: '2026-02-13T10:00:01.000+08:00',
    actor,
    correlationId: 'corr-1',
    causationId: null,
    data,
  };
}

function chain(count: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < count; revision++) {
    const f = fields(revision);
    const hash = eventHash(prevHash, f);
    events.push({ ...f, integrity: { prevHash, hash } });
    prevHash = hash;
  }
  return events;
}

describe('hash chain (U3)', () => {
  it('is sha256 over the previous hash and the canonical JSON of the hashed fields', () => {
    // Written out by hand, so a change of the definition cannot pass unnoticed.
    const canonical =
      '{"actor":{"departmentId":"dept-1","id":"staff-1","name":"王芳","role":"window","windowId":"w-3"},' +
      '"causationId":null,"correlationId":"corr-1","data":{"n":0},' +
      '"eventId":"00000000-0000-4000-8000-000000000000","occurredAt":"2026-02-13T10:00:00.000+08:00",' +
      '"recordedAt":"2026-02-13T10:00:01.000+08:00","revision":0,"schemaVersion":1,"streamId":"case-1",' +
      '"type":"ApplicationAccepted"}';
    const expected = createHash('sha256')
      .update(`${'0'.repeat(64)}${canonical}`, 'utf8')
      .digest('hex');
    expect(eventHash(GENESIS_HASH, fields(0))).toBe(expected);
  });

  it('ignores fields outside the hash (position) and the order of keys', () => {
    const f = fields(0, { b: 1, a: 2 });
    const withPosition = { ...f, position: '00000000000000000001:00000000000000000001' };
    expect(eventHash(GENESIS_HASH, withPosition)).toBe(
      eventHash(GENESIS_HASH, { ...f, data: { a: 2, b: 1 } }),
    );
  });

  it('verifies an intact stream, and an empty one', () => {
    expect(verifyChain(chain(6))).toEqual({ ok: true, checked: 6 });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it('finds the first altered event, whatever field was altered', () => {
    const alterations: ((e: ChainedEvent) => ChainedEvent)[] = [
      (e) => ({ ...e, data: { n: 999 } }),
      (e) => ({ ...e, type: 'ApplicationRejected' }),
      (e) => ({ ...e, recordedAt: '2026-02-12T10:00:01.000+08:00' }),
      (e) => ({ ...e, occurredAt: '2026-02-12T10:00:00.000+08:00' }),
      (e) => ({ ...e, actor: { ...actor, name: '李四' } }),
      (e) => ({ ...e, causationId: 'other' }),
      (e) => ({ ...e, integrity: { ...e.integrity, hash: 'f'.repeat(64) } }),
      (e) => ({ ...e, integrity: { ...e.integrity, prevHash: 'e'.repeat(64) } }),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        fc.constantFrom(...alterations),
        (count, at, alter) => {
          const events = chain(count);
          const index = at % count;
          events[index] = alter(events[index]);
          expect(verifyChain(events)).toEqual({ ok: false, checked: count, firstBrokenRevision: index });
        },
      ),
    );
  });

  it('finds a missing event and a reordering', () => {
    const missing = chain(5);
    missing.splice(2, 1);
    expect(verifyChain(missing)).toEqual({ ok: false, checked: 4, firstBrokenRevision: 2 });
    const swapped = chain(5);
    [swapped[1], swapped[3]] = [swapped[3], swapped[1]];
    expect(verifyChain(swapped).firstBrokenRevision).toBe(1);
  });

  it('finds a rewritten event even when its hash was recomputed, at the next link', () => {
    const events = chain(4);
    const forged = { ...fields(1), data: { n: 'forged' } };
    events[1] = {
      ...forged,
      integrity: {
        prevHash: events[1].integrity.prevHash,
        hash: eventHash(events[1].integrity.prevHash, forged),
      },
    };
    expect(verifyChain(events)).toEqual({ ok: false, checked: 4, firstBrokenRevision: 2 });
  });
});
