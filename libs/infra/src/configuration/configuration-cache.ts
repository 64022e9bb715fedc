/**
 * The configuration the case decider reads as data (DESIGN.md "The domain as deciders"): matters
 * (catalog-<code>), centers' office hours (center-<id>), holiday notices (calendar-<year>) and
 * the timeliness policy (policy-timeliness). Loaded from the event store at start, then followed
 * by reading new configuration events every second (see `follow`), so several API processes agree; this process's own admin
 * writes are applied at once, so the next command sees them without waiting for the next read.
 * Each entry keeps the position it was built from, and an older event never overwrites a newer one.
 * Shared by the API and the projector's supervision loop (both decide case commands); a plain class,
 * so each process provides it its own way.
 */
import type { Logger } from 'pino';
import { CONFIGURATION_EVENT_TYPES, configurationFact } from '#domain/administration/configuration-fact.js';
import {
  createWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  type OfficeClock,
  type OfficeHours,
  type WorkingCalendar,
  type YearNotice,
} from '#domain/calendar/index.js';
import type { Matter } from '#domain/catalog/matter.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import {
  comparePositions,
  START,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '../event-store/event-store.port.js';

export { CONFIGURATION_EVENT_TYPES };

interface Versioned<T> {
  readonly value: T;
  readonly position: Position;
}

export interface CenterInfo {
  readonly centerId: string;
  readonly name: string;
  readonly officeHours: OfficeHours;
  /** T6: the local suspension types the center allows. */
  readonly localSuspensionTypes: readonly string[];
}

export class ConfigurationCache {
  private readonly matters = new Map<string, Versioned<Matter>>();
  private readonly centers = new Map<string, Versioned<CenterInfo>>();
  private readonly notices = new Map<number, Versioned<YearNotice>>();
  private policyEntry: Versioned<TimelinessPolicy> | undefined;
  private readonly policyVersions = new Set<string>();
  private calendarCache: WorkingCalendar | undefined;
  private readonly clocks = new Map<string, OfficeClock>();
  private readonly following = new AbortController();
  private followLoop: Promise<void> | undefined;
  private readonly followIntervalMs: number;

  /** `followIntervalMs`: how often new configuration events are read (CONFIGURATION_POLL_MS). */
  constructor(
    private readonly store: EventStore,
    private readonly logger: Logger,
    followIntervalMs: number,
  ) {
    this.followIntervalMs = followIntervalMs;
  }

  /** Reads every configuration event recorded so far, then follows new ones in the background. */
  async start(): Promise<void> {
    const filter = { eventTypes: CONFIGURATION_EVENT_TYPES };
    let from: Position = START;
    for (;;) {
      const page = await this.store.readAll(from, { filter, batchSize: 500 });
      for (const event of page.events) this.apply(event);
      from = page.nextPosition;
      if (page.caughtUp) break;
    }
    this.followLoop = this.follow(from);
  }

  /**
   * Follows new configuration events by reading them every `FOLLOW_INTERVAL_MS`. Not the store's
   * live subscription: that wakes every subscriber on every append, whatever its filter, so a
   * configuration follower would add one filtered read per recorded case event (measured with
   * bench/api: a read per command). Configuration changes a few times a year; a second of delay
   * for other processes is plenty, and this process's own admin writes apply at once.
   */
  private async follow(from: Position): Promise<void> {
    const { signal } = this.following;
    let position = from;
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', stop);
          resolve();
        }, this.followIntervalMs);
        signal.addEventListener('abort', stop, { once: true });
      });
      if (signal.aborted) break;
      try {
        for (;;) {
          const page = await this.store.readAll(position, {
            filter: { eventTypes: CONFIGURATION_EVENT_TYPES },
            batchSize: 500,
          });
          for (const event of page.events) this.apply(event);
          position = page.nextPosition;
          if (page.caughtUp) break;
        }
      } catch (error) {
        if (!signal.aborted)
          this.logger.warn({ err: error }, 'reading configuration events failed; will retry');
      }
    }
  }

  /** Stops following (Nest calls it on shutdown: the API provides this class by a factory). */
  async onApplicationShutdown(): Promise<void> {
    this.following.abort();
    await this.followLoop?.catch(() => undefined);
  }

  /**
   * Applies a recorded configuration event (read by the domain's configurationFact, as the
   * projections read it) if it is newer than what the cache holds for its key.
   */
  apply(event: RecordedEvent): void {
    const fact = configurationFact(event);
    if (fact === undefined) return;
    const newer = (current: Versioned<unknown> | undefined): boolean =>
      current === undefined || comparePositions(event.position, current.position) > 0;
    switch (fact.kind) {
      case 'invalid':
        this.logger.error(
          { eventId: event.eventId, type: fact.type },
          'recorded configuration does not validate; ignored',
        );
        break;
      case 'matter':
        if (newer(this.matters.get(fact.key)))
          this.matters.set(fact.key, { value: fact.matter, position: event.position });
        break;
      case 'center':
        if (newer(this.centers.get(fact.key))) {
          const { centerId, name, localSuspensionTypes } = fact.center;
          const value = {
            centerId,
            name,
            officeHours: fact.officeHours,
            localSuspensionTypes: localSuspensionTypes ?? [],
          };
          this.centers.set(fact.key, { value, position: event.position });
          this.clocks.delete(fact.key);
        }
        break;
      case 'notice':
        if (newer(this.notices.get(fact.notice.year))) {
          this.notices.set(fact.notice.year, { value: fact.notice, position: event.position });
          this.calendarCache = undefined;
          this.clocks.clear();
        }
        break;
      case 'policy':
        this.policyVersions.add(fact.policy.version);
        if (newer(this.policyEntry)) this.policyEntry = { value: fact.policy, position: event.position };
        break;
    }
  }

  applyAll(events: readonly RecordedEvent[]): void {
    for (const event of events) this.apply(event);
  }

  matter(code: string): Matter | undefined {
    return this.matters.get(code)?.value;
  }

  center(centerId: string): CenterInfo | undefined {
    return this.centers.get(centerId)?.value;
  }

  /** C7: the latest recorded policy, or the default one. */
  policy(): TimelinessPolicy {
    return this.policyEntry?.value ?? DEFAULT_TIMELINESS_POLICY;
  }

  knownPolicyVersions(): readonly string[] {
    return [DEFAULT_TIMELINESS_POLICY.version, ...this.policyVersions];
  }

  /** T2: the built-in notices plus every recorded one (a recorded year replaces the built-in). */
  calendar(): WorkingCalendar {
    if (!this.calendarCache) {
      const recorded = [...this.notices.values()]
        .sort((a, b) => comparePositions(a.position, b.position))
        .map((n) => n.value);
      this.calendarCache = createWorkingCalendar(recorded);
    }
    return this.calendarCache;
  }

  /** T1: the calendar with the center's office hours, the default ones when the center has none. */
  officeClock(centerId: string | undefined): OfficeClock {
    const key = centerId ?? '';
    let clock = this.clocks.get(key);
    if (!clock) {
      const hours = (centerId !== undefined && this.center(centerId)?.officeHours) || DEFAULT_OFFICE_HOURS;
      clock = { calendar: this.calendar(), hours };
      this.clocks.set(key, clock);
    }
    return clock;
  }
}
