import { randomUUID } from 'node:crypto';
import type { NewEvent } from './event-store.port.js';
import { EventTooLarge } from './event-too-large.error.js';
import { InvalidAppend } from './invalid-append.error.js';
import { MAX_EVENT_BYTES, prepareAppend } from './prepared-event.js';

const event = (overrides: Record<string, unknown> = {}): NewEvent =>
  ({
    eventId: randomUUID(),
    type: 'InquiryRegistered',
    schemaVersion: 1,
    occurredAt: '2026-02-13T10:00:00+08:00',
    actor: { id: 'u1', name: '赵六', role: 'guide', departmentId: null, windowId: null },
    correlationId: 'c1',
    causationId: null,
    data: { question: '办理营业执照需要什么材料？' },
    ...overrides,
  }) as NewEvent;

describe('prepareAppend', () => {
  it('normalises instants and data to what will be read back', () => {
    const [prepared] = prepareAppend(
      'case-1',
      [event({ data: { at: new Date(0), skip: undefined, n: 1 } })],
      'no_stream',
    );
    expect(prepared.occurredAt).toBe('2026-02-13T10:00:00.000+08:00');
    expect(prepared.data).toEqual({ at: '1970-01-01T00:00:00.000Z', n: 1 });
    expect(JSON.parse(prepared.dataJson)).toEqual(prepared.data);
  });

  it('keeps only the envelope fields of the actor', () => {
    const actor = { id: 'u1', name: '赵六', role: 'guide', departmentId: 'd', windowId: null, password: 'x' };
    const [prepared] = prepareAppend('case-1', [event({ actor })], 'any');
    expect(prepared.actor).toEqual({
      id: 'u1',
      name: '赵六',
      role: 'guide',
      departmentId: 'd',
      windowId: null,
    });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a non-UUID id', 'eventId must be a UUID', { eventId: 'abc' }],
    ['an empty type', 'type', { type: '' }],
    ['a system type', 'type', { type: '$metadata' }],
    ['schemaVersion 0', 'schemaVersion', { schemaVersion: 0 }],
    ['no correlation id', 'correlationId', { correlationId: '' }],
    ['an actor without role', 'actor', { actor: { id: 'u', name: 'n' } }],
    ['a local time without offset', 'occurredAt', { occurredAt: '2026-02-13T10:00:00' }],
    ['data that is an array', 'JSON object', { data: [1] }],
    ['data with NaN', 'not JSON', { data: { n: Number.NaN } }],
    ['data with a bigint', 'not JSON', { data: { n: 1n } }],
  ])('refuses %s', (_, message, overrides) => {
    const attempt = () => prepareAppend('case-1', [event(overrides)], 'any');
    expect(attempt).toThrow(InvalidAppend);
    expect(attempt).toThrow(message);
  });

  it('refuses bad stream ids and expected revisions', () => {
    expect(() => prepareAppend('', [event()], 'any')).toThrow(InvalidAppend);
    expect(() => prepareAppend('$all', [event()], 'any')).toThrow(InvalidAppend);
    expect(() => prepareAppend('case-1', [event()], 1.5)).toThrow(InvalidAppend);
    expect(() => prepareAppend('case-1', [event()], 'stream_exists' as never)).toThrow(InvalidAppend);
  });

  it('counts bytes, not characters, against the 1 MiB limit', () => {
    const chineseChars = Math.floor(MAX_EVENT_BYTES / 3); // three UTF-8 bytes each: just under the limit alone
    expect(() => prepareAppend('case-1', [event({ data: { t: '办'.repeat(chineseChars) } })], 'any')).toThrow(
      EventTooLarge,
    );
    expect(() =>
      prepareAppend('case-1', [event({ data: { t: '办'.repeat(chineseChars - 200) } })], 'any'),
    ).not.toThrow();
  });
});
