/**
 * The center of a case, for alert scope (cards name their department and window, not their
 * center): read from the case's first event, remembered (a case never changes center).
 */
import { CASE_STREAM_PREFIX } from '#infra/case-stream/case-stream.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';

const REMEMBERED = 10_000;

export class CaseCenters {
  private readonly known = new Map<string, string | undefined>();

  /** `prefix`: the stream prefix of what is looked up (`complaint-` for complaints without a case, P1). */
  constructor(
    private readonly store: EventStore,
    private readonly prefix: string = CASE_STREAM_PREFIX,
  ) {}

  async of(caseId: string): Promise<string | undefined> {
    if (this.known.has(caseId)) return this.known.get(caseId);
    const [first] = await this.store.readStream(`${this.prefix}${caseId}`);
    const centerId = (first?.data as { centerId?: string } | undefined)?.centerId;
    if (this.known.size >= REMEMBERED) this.known.delete(this.known.keys().next().value!);
    this.known.set(caseId, centerId);
    return centerId;
  }
}
