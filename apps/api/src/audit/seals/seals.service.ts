/**
 * The seals of the store (U7) as the API uses them: the sealer and the verifier on the SQL event
 * store (PostgreSQL, PGlite). Another store (EventStoreDB) has none: the routes answer 503.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '#domain/actor/actor.js';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { recordedActor } from '#infra/command-handling/handle-command.js';
import { PostgresEventStore } from '#infra/event-store/postgres/postgres-event-store.js';
import { innermostStore } from '#infra/personal-data/personal-data-store.js';
import { SealVerifier } from '#infra/seals/seal-verifier.js';
import { sealOf } from '#infra/seals/seal-records.js';
import { SEALS_STREAM, type Seal, type SealVerification } from '#infra/seals/seal.js';
import { Sealer, type SealAnswer, type SealOptions } from '#infra/seals/sealer.js';
import { derivedCommandId, derivedEventId } from '#infra/ids/derived-ids.js';
import { idempotencyScope, type CommandMetadata } from '../../command-pipeline/command-metadata.js';
import { ProblemException, titledProblem } from '../../problem/problem-details.js';
import { CLOCK, EVENT_STORE } from '../../runtime/runtime-tokens.js';

/** Who records the scheduled seals. */
export const SEALER_ACTOR: Actor = { id: 'system:sealer', name: '存证封签程序', role: 'system' };

@Injectable()
export class SealsService {
  private readonly sealer?: Sealer;
  private readonly verifier?: SealVerifier;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) clock: Clock,
  ) {
    const sql = innermostStore(store);
    if (sql instanceof PostgresEventStore) {
      this.sealer = new Sealer(sql, () => new Date(clock.now()));
      this.verifier = new SealVerifier(sql);
    }
  }

  get supported(): boolean {
    return this.sealer !== undefined;
  }

  async seal(actor: Actor, options: SealOptions = {}): Promise<Seal | undefined> {
    return this.need(this.sealer).seal(recordedActor(actor), options);
  }

  /** A seal asked for over HTTP: its headers' Idempotency-Key, If-Match and X-Correlation-Id. */
  async sealOnRequest(metadata: CommandMetadata): Promise<SealAnswer> {
    const sealer = this.need(this.sealer);
    const scope = idempotencyScope(metadata);
    return sealer.sealOnRequest(recordedActor(metadata.actor), {
      ...(scope && {
        keyed: {
          eventId: derivedEventId(scope, SEALS_STREAM, 0),
          causationId: derivedCommandId(scope, SEALS_STREAM, metadata.requestFingerprint),
        },
      }),
      ...(metadata.ifMatch !== undefined && { ifMatch: metadata.ifMatch }),
      correlationId: metadata.correlationId,
    });
  }

  /** Newest first. */
  async list(): Promise<Seal[]> {
    this.need(this.sealer);
    const events = await this.store.readStream(SEALS_STREAM);
    return events.flatMap((e) => sealOf(e) ?? []).reverse();
  }

  async find(sealId: string): Promise<Seal | undefined> {
    return (await this.list()).find((s) => s.sealId === sealId);
  }

  verify(): Promise<SealVerification> {
    return this.need(this.verifier).verify();
  }

  private need<T>(part: T | undefined): T {
    if (part === undefined)
      throw new ProblemException(
        titledProblem(503, 'SEALS_NOT_SUPPORTED', 'Seals (U7) need the PostgreSQL or PGlite event store.'),
      );
    return part;
  }
}
