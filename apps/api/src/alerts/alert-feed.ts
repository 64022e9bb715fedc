/**
 * The alerts as rxjs streams fed by the event store's subscription (catch-up, then live) filtered to
 * warning and card events: one subscription per listener, ended when the listener goes away.
 * A listener without Last-Event-ID starts at the store's head as this process last read it
 * (`head`: one filtered read of the events recorded since the previous listener came).
 */
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { concatMap, filter, map, Observable } from 'rxjs';
import type { Actor } from '#domain/actor/actor.js';
import { caseIdOf } from '#infra/case-stream/case-stream.js';
import {
  START,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '#infra/event-store/event-store.port.js';
import { EVENT_STORE } from '../runtime/runtime-tokens.js';
import { alertAudienceOf } from './alert-audience.js';
import { ALERT_EVENT_TYPES, alertMessage, type AlertMessage } from './alert-message.js';
import { CaseCenters } from './case-centers.js';

@Injectable()
export class AlertFeed implements BeforeApplicationShutdown {
  private readonly centers: CaseCenters;
  private knownHead: Position = START;
  /** The store subscriptions of the open streams (each ends when its client goes away). */
  private readonly open = new Set<AbortController>();
  private reading: Promise<Position> | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.centers = new CaseCenters(store);
  }

  /** How many alert streams are open in this process. */
  get listening(): number {
    return this.open.size;
  }

  /** Ends every stream before the HTTP server closes: it waits for open connections otherwise. */
  beforeApplicationShutdown(): void {
    for (const stop of this.open) stop.abort();
  }

  /** Throws 403 (as a problem) unless `reader` receives alerts at all. */
  assertListens(reader: Actor): void {
    alertAudienceOf(reader);
  }

  /** The alerts in `reader`'s scope recorded after `after` (the head when undefined). */
  alerts(reader: Actor, after: Position | undefined): Observable<AlertMessage> {
    const audience = alertAudienceOf(reader);
    return this.events(after).pipe(
      map(alertMessage),
      concatMap(async (message) => ({
        message,
        centerId: audience.needsCenter ? await this.centers.of(message.caseId) : undefined,
      })),
      filter(({ message, centerId }) => audience.hears(message, centerId)),
      map(({ message }) => message),
    );
  }

  /** Where the store's alerts end now: read forward from where this process last looked. */
  head(): Promise<Position> {
    // EventStoreDB: the end of $all, one event read backwards, not a filtered scan of $all from START.
    if (this.store.headPosition) return this.store.headPosition();
    this.reading ??= (async () => {
      try {
        let from = this.knownHead;
        for (;;) {
          const page = await this.store.readAll(from, {
            filter: { eventTypes: ALERT_EVENT_TYPES },
            batchSize: 1000,
          });
          from = page.nextPosition;
          if (page.caughtUp) break;
        }
        this.knownHead = from;
        return from;
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  private events(after: Position | undefined): Observable<RecordedEvent> {
    return new Observable<RecordedEvent>((subscriber) => {
      const stop = new AbortController();
      this.open.add(stop);
      stop.signal.addEventListener('abort', () => this.open.delete(stop), { once: true });
      void (async () => {
        const from = after ?? (await this.head());
        const filterOption = { eventTypes: ALERT_EVENT_TYPES };
        for await (const event of this.store.subscribe(from, { filter: filterOption, signal: stop.signal })) {
          if (caseIdOf(event) === undefined) continue; // not a case stream
          subscriber.next(event);
        }
        subscriber.complete();
      })()
        .catch((error: unknown) => {
          if (!stop.signal.aborted) subscriber.error(error);
        })
        .finally(() => stop.abort());
      return () => stop.abort();
    });
  }
}
