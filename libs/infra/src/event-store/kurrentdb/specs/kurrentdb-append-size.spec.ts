import { jsonEvent } from '@kurrent/kurrentdb-client';
import { EventTooLarge } from '../../event-too-large.error.js';
import { MAX_APPEND_BYTES, assertAppendSize, eventSizeOnServer } from '../kurrentdb-append-size.js';

// Defect 4: sizes as the server counts them (KurrentDB Event.SizeOnDisk: data bytes + metadata
// bytes + 2 x the type's UTF-16 length), from the EventData the client sends as JSON text.
describe('KurrentDB append size, defect 4', () => {
  it('counts UTF-8 bytes of the JSON sent and two bytes per character of the type', () => {
    const event = jsonEvent({ type: 'CaseClosed', data: { 原因: '办结' }, metadata: { a: 1 } });
    // {"原因":"办结"} is 7 ASCII bytes + 4 characters x 3 = 19 bytes; {"a":1} is 7; the type 10 x 2.
    expect(eventSizeOnServer(event)).toBe(19 + 7 + 20);
    expect(eventSizeOnServer(jsonEvent({ type: 'T', data: {} }))).toBe(2 + 2);
  });

  it('refuses the event that takes the whole append over 1 MiB, and takes one exactly at it', () => {
    const type = 'Blob';
    const fill = (bytes: number) => jsonEvent({ type, data: { t: 'x'.repeat(bytes - 8 - 2 * type.length) } });
    const half = fill(MAX_APPEND_BYTES / 2);
    expect(eventSizeOnServer(half)).toBe(MAX_APPEND_BYTES / 2);
    expect(assertAppendSize('case-1', [half, fill(MAX_APPEND_BYTES / 2)])).toBe(MAX_APPEND_BYTES);
    const over = fill(MAX_APPEND_BYTES / 2 + 1);
    expect(() => assertAppendSize('case-1', [half, over])).toThrow(EventTooLarge);
    expect(() => assertAppendSize('case-1', [half, over])).toThrow(
      new EventTooLarge('case-1', over.id, MAX_APPEND_BYTES + 1, MAX_APPEND_BYTES, 'append'),
    );
  });
});
