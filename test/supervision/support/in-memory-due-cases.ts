/**
 * A test double of the due-case query (not of the loop under test): it derives each case's
 * `nextCheckAt` from the event store as the projector's case view does — the moment of the case's
 * latest event when something is due then, else the next instant the timeliness function names —
 * and answers `dueAt` from memory. It counts its queries, so a test can tell a tick read nothing else.
 */
import type { EpochMs } from '#domain/calendar/index.js';
import { isClosed } from '#domain/case/case-state.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import { START, type EventStore } from '#infra/event-store/event-store.port.js';
import { caseStateOf } from '#infra/case-stream/case-stream.js';
import type { DueCase, DueCases } from '../../../apps/projector/src/supervision/due-cases.port.js';
import type { SupervisionConfiguration } from '../../../apps/projector/src/supervision/supervision-configuration.js';

export class InMemoryDueCases implements DueCases {
  queries = 0;
  /** Cases whose view the test pretends is stale: due now, whatever the events say. */
  readonly forcedDue = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly configuration: SupervisionConfiguration,
  ) {}

  async dueAt(now: EpochMs, limit: number, after?: DueCase): Promise<readonly DueCase[]> {
    this.queries++;
    const due = (await this.views())
      .filter((v) => v.nextCheckAt <= now)
      .sort((a, b) => a.nextCheckAt - b.nextCheckAt || a.caseId.localeCompare(b.caseId))
      .filter(
        (v) =>
          after === undefined ||
          v.nextCheckAt > after.nextCheckAt ||
          (v.nextCheckAt === after.nextCheckAt && v.caseId > after.caseId),
      );
    return due.slice(0, limit);
  }

  private async views(): Promise<DueCase[]> {
    const streams = new Set<string>();
    for (let from = START; ;) {
      const page = await this.store.readAll(from, { filter: { streamPrefix: 'case-' }, batchSize: 1000 });
      for (const e of page.events) streams.add(e.streamId);
      from = page.nextPosition;
      if (page.caughtUp) break;
    }
    const views: DueCase[] = [];
    for (const streamId of streams) {
      const recorded = await this.store.readStream(streamId);
      const state = caseStateOf(recorded);
      const caseId = streamId.slice('case-'.length);
      if (this.forcedDue.has(caseId)) {
        views.push({ caseId, nextCheckAt: 0 });
        continue;
      }
      if (isClosed(state)) continue;
      const at = Date.parse(recorded[recorded.length - 1]!.recordedAt);
      const a = assessTimeliness(
        state,
        this.configuration.policy(),
        this.configuration.officeClock(state.centerId),
        at,
      );
      const dueThen =
        a.dueCards.length > 0 || a.overdueSteps.some((s) => !s.raised) || a.referralFollowUpDue !== undefined;
      const nextCheckAt = dueThen ? at : a.nextCheckAt;
      if (nextCheckAt !== undefined) views.push({ caseId, nextCheckAt });
    }
    return views;
  }
}
