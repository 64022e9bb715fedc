/**
 * The invariant both fuzz suites check after every request (command-fuzz, hostile-input-fuzz): no
 * answer is a 5xx, and a refused request answers problem+json and records nothing.
 */
import { START, type EventStore, type Position } from '#infra/event-store/event-store.port.js';
import type { ApiResponse } from '../../support/http-request.js';

/** The check of one answer; it reads what was recorded since the previous one (or since the set-up). */
export async function nothingRecordedOnRefusal(
  store: EventStore,
): Promise<(res: ApiResponse<unknown>) => Promise<void>> {
  let position: Position = START;
  // Skip what the set-up recorded.
  for (;;) {
    const page = await store.readAll(position, { batchSize: 1000 });
    position = page.nextPosition;
    if (page.caughtUp) break;
  }
  return async (res) => {
    expect(res.status).toBeLessThan(500);
    const page = await store.readAll(position, { batchSize: 100 });
    position = page.nextPosition;
    if (res.status >= 400) {
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(page.events).toEqual([]);
    }
  };
}
