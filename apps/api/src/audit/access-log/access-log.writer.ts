/**
 * U6: records readings of unmasked personal data without slowing the read that caused them: each
 * answer queues its reading, and the queue is appended in batches (one append per day stream,
 * at most every FLUSH_DELAY_MS, at once when BATCH_SIZE readings wait). A failed append keeps its
 * readings queued for the next flush; shutdown flushes what waits.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '#domain/actor/actor.js';
import { recordedActor } from '#infra/command-handling/handle-command.js';
import type { EventStore, NewEvent } from '#infra/event-store/event-store.port.js';
import { EVENT_STORE, LOGGER } from '../../runtime/runtime-tokens.js';
import { PERSONAL_DATA_READ, accessLogStream, type PersonalDataReadData } from './personal-data-read.js';

const FLUSH_DELAY_MS = 200;
const BATCH_SIZE = 200;

interface Reading {
  readonly reader: Actor;
  readonly atMs: number;
  readonly data: PersonalDataReadData;
}

@Injectable()
export class AccessLogWriter implements OnModuleDestroy {
  private queue: Reading[] = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  record(reader: Actor, atMs: number, data: PersonalDataReadData): void {
    this.queue.push({ reader, atMs, data });
    if (this.queue.length >= BATCH_SIZE) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /** Appends every queued reading; resolves when they are stored (or kept for the next try). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.appendQueued());
    return this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }

  private async appendQueued(): Promise<void> {
    const readings = this.queue;
    this.queue = [];
    const byStream = new Map<string, Reading[]>();
    for (const r of readings) {
      const stream = accessLogStream(r.atMs);
      byStream.set(stream, [...(byStream.get(stream) ?? []), r]);
    }
    for (const [stream, batch] of byStream) {
      try {
        await this.store.append(stream, batch.map(toEvent), 'any');
      } catch (error) {
        this.queue.unshift(...batch);
        this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS * 5);
        this.logger.warn(
          { err: error instanceof Error ? error.name : 'unknown', stream },
          'U6: access log append failed',
        );
      }
    }
  }
}

function toEvent({ reader, atMs, data }: Reading): NewEvent<PersonalDataReadData> {
  const correlationId = randomUUID();
  return {
    eventId: randomUUID(),
    type: PERSONAL_DATA_READ,
    schemaVersion: 1,
    occurredAt: atMs,
    actor: recordedActor(reader),
    correlationId,
    causationId: null,
    data,
  };
}
