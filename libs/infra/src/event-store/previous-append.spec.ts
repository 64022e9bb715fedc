import type { RecordedEvent } from './event-store.port.js';
import { IdempotencyConflict } from './idempotency-conflict.error.js';
import { previousAppend } from './previous-append.js';

const stored = (eventId: string, revision: number) =>
  ({
    eventId,
    revision,
    position: `${String(revision).padStart(20, '0')}:${'0'.repeat(20)}`,
  }) as RecordedEvent;

describe('previousAppend (idempotent appends)', () => {
  it('is undefined when none of the ids is stored', () => {
    expect(previousAppend('s', ['a', 'b'], [])).toBeUndefined();
  });

  it('answers as the earlier append when all ids are stored consecutively in order', () => {
    const events = [stored('a', 3), stored('b', 4)];
    expect(previousAppend('s', ['a', 'b'], events)).toEqual({
      nextRevision: 4,
      position: events[1].position,
      events,
    });
  });

  it('refuses a partial overlap, another order, or scattered revisions', () => {
    expect(() => previousAppend('s', ['a', 'c'], [stored('a', 3)])).toThrow(IdempotencyConflict);
    expect(() => previousAppend('s', ['b', 'a'], [stored('a', 3), stored('b', 4)])).toThrow(
      IdempotencyConflict,
    );
    expect(() => previousAppend('s', ['a', 'b'], [stored('a', 3), stored('b', 7)])).toThrow(
      IdempotencyConflict,
    );
  });
});
