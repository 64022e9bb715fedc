import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  GENESIS_HASH,
  eventHash,
  verifyChain,
  type ChainedEvent,
  type HashedEventFields,
} from './hash-chain.js';
import type { HashAlgorithm } from './hash-algorithm.js';

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

/** A chain hashed with `algs[revision]` (the last one repeated), switches announced as a writer does. */
function chain(count: number, algs: readonly HashAlgorithm[] = ['sha256']): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < count; revision++) {
    const f = fields(revision);
    const alg = algs[Math.min(revision, algs.length - 1)];
    const before = revision === 0 ? undefined : events[revision - 1].integrity.alg;
    const hash = eventHash(prevHash, f, alg);
    events.push({
      ...f,
      integrity:
        before === undefined || before === alg
          ? { alg, prevHash, hash }
          : { alg, prevHash, hash, switchedFrom: before },
    });
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
        alg: 'sha256',
        prevHash: events[1].integrity.prevHash,
        hash: eventHash(events[1].integrity.prevHash, forged),
      },
    };
    expect(verifyChain(events)).toEqual({ ok: false, checked: 4, firstBrokenRevision: 2 });
  });

  describe('U8: named algorithms, SM3 by default for new chains', () => {
    it('hashes with SM3 when the event names sm3, over the same text as SHA-256', () => {
      const sm3 = eventHash(GENESIS_HASH, fields(0), 'sm3');
      expect(sm3).toMatch(/^[0-9a-f]{64}$/);
      expect(sm3).not.toBe(eventHash(GENESIS_HASH, fields(0), 'sha256'));
      // GB/T 32905's own example: SM3("abc").
      expect(createHash('sm3').update('abc').digest('hex')).toBe(
        '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      );
    });

    it('verifies an SM3 chain and a mixed chain that switched, announced, from SHA-256 to SM3', () => {
      expect(verifyChain(chain(5, ['sm3']))).toEqual({ ok: true, checked: 5 });
      const mixed = chain(6, ['sha256', 'sha256', 'sha256', 'sm3']);
      expect(mixed[3].integrity).toMatchObject({ alg: 'sm3', switchedFrom: 'sha256' });
      expect(mixed[4].integrity.switchedFrom).toBeUndefined();
      expect(verifyChain(mixed)).toEqual({ ok: true, checked: 6 });
    });

    it('refuses an unannounced switch, a switch back, a switch announced where none is, an unknown algorithm', () => {
      const unannounced = chain(4, ['sha256', 'sha256', 'sm3']);
      const { switchedFrom: _dropped, ...silent } = unannounced[2].integrity;
      unannounced[2] = { ...unannounced[2], integrity: silent };
      expect(verifyChain(unannounced)).toEqual({ ok: false, checked: 4, firstBrokenRevision: 2 });

      // A well-formed, correctly hashed switch back is still refused: chains only move forward.
      const back = chain(4, ['sm3', 'sm3', 'sha256']);
      expect(back[2].integrity).toMatchObject({ alg: 'sha256', switchedFrom: 'sm3' });
      expect(verifyChain(back)).toEqual({ ok: false, checked: 4, firstBrokenRevision: 2 });

      const spurious = chain(3, ['sm3']);
      spurious[1] = { ...spurious[1], integrity: { ...spurious[1].integrity, switchedFrom: 'sha256' } };
      expect(verifyChain(spurious).firstBrokenRevision).toBe(1);

      const unknown = chain(3, ['sm3']);
      unknown[0] = { ...unknown[0], integrity: { ...unknown[0].integrity, alg: 'md5' } };
      expect(verifyChain(unknown).firstBrokenRevision).toBe(0);
    });

    it('catches a relabelled algorithm (sm3 named sha256) and an altered SM3 event', () => {
      const relabelled = chain(3, ['sm3']);
      relabelled[1] = { ...relabelled[1], integrity: { ...relabelled[1].integrity, alg: 'sha256' } };
      expect(verifyChain(relabelled).firstBrokenRevision).toBe(1);
      const altered = chain(3, ['sm3']);
      altered[2] = { ...altered[2], data: { n: 'forged' } };
      expect(verifyChain(altered)).toEqual({ ok: false, checked: 3, firstBrokenRevision: 2 });
    });
  });
});
