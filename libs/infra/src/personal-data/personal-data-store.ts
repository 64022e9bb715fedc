import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  StreamVerification,
  SubscribeOptions,
} from '../event-store/event-store.port.js';
import type { Position } from '../event-store/position.js';
import { CASE_STREAM_PREFIX } from '../case-stream/case-stream.js';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store.js';
import type { DataKeys, DataKeyState } from './data-keys.js';
import { ERASED_IDENTIFIER } from '#domain/privacy/mask-applicant.js';
import { decrypt, encrypt, isCiphertext } from './identifier-cipher.js';
import {
  holderOf,
  personWithIdentifiers,
  withIdentifiers,
  type IdentifierField,
} from './identifier-holders.js';

/**
 * I2 around the SQL event store: the identifiers of case streams (`data.applicant.idNumber`,
 * `.phone`) and of complaint streams (`data.complainant.phone`; identifier-holders.ts) are encrypted
 * under the stream's data key before they are appended, so the store and its hash chain (U3, U8)
 * hold and cover only ciphertext; readers get them back decrypted
 * (`reveal`, the API: I1 masks them for all but auditors) or masked (`mask`, the projector: read
 * models hold only masked values). Once a stream's key is destroyed they read as ERASED_IDENTIFIER,
 * for everyone; plain identifiers of events stored before I2 too. Everything else passes through.
 */
export type IdentifierView = 'reveal' | 'mask';

export class PersonalDataStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly keys: DataKeys,
    private readonly view: IdentifierView,
    private readonly mask: (field: IdentifierField, value: string) => string,
  ) {}

  /** I2: destroys the stream's data key; its identifiers read as erased from now on, everywhere. */
  erase(streamId: string, legalBasis: string): Promise<void> {
    return this.keys.erase(streamId, legalBasis);
  }

  /** The same store seen another way (the projector's masked view of the API's store). */
  as(view: IdentifierView): PersonalDataStore {
    return new PersonalDataStore(this.inner, this.keys, view, this.mask);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const first = await this.appendFirstWithKey(streamId, events, expected);
    if (first) return first;
    const holder = holderOf(streamId);
    const state = events.some((e) => personWithIdentifiers(holder, e.data) !== undefined)
      ? await this.keys.keyFor(streamId)
      : undefined;
    const sealed = events.map((e) => this.encrypted(streamId, e, state));
    const result = await this.inner.append(streamId, sealed, expected);
    return { ...result, events: await this.shownAll(result.events) };
  }

  /**
   * A case's first event with identifiers (`no_stream`) makes the case's key in the same
   * statement as the event: one round trip and one commit, not a transaction of five. When another
   * writer was first (the key or the stream exists), `undefined`: the usual append decides,
   * idempotent repeats included.
   */
  private async appendFirstWithKey(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    const inner = this.inner;
    if (
      expected !== 'no_stream' ||
      !(inner instanceof PostgresEventStore) ||
      !streamId.startsWith(CASE_STREAM_PREFIX) ||
      !events.some((e) => personWithIdentifiers(holderOf(streamId), e.data) !== undefined)
    )
      return undefined;
    const fresh = this.keys.fresh(streamId);
    const state: DataKeyState = { kind: 'key', key: fresh.key };
    const result = await inner.appendNewStreamBeside(
      streamId,
      events.map((e) => this.encrypted(streamId, e, state)),
      fresh.row,
    );
    if (result === undefined) return undefined;
    fresh.remember();
    return { ...result, events: await this.shownAll(result.events) };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    return this.shownAll(await this.inner.readStream(streamId, options));
  }

  streamRevision(streamId: string): Promise<number> {
    return this.inner.streamRevision(streamId);
  }

  async readAll(fromPosition: Position, options?: ReadAllOptions): Promise<ReadAllPage> {
    const page = await this.inner.readAll(fromPosition, options);
    return { ...page, events: await this.shownAll(page.events) };
  }

  subscribe(fromPosition: Position, options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    const inner = this.inner.subscribe(fromPosition, options);
    const shown = (e: RecordedEvent): Promise<RecordedEvent> => this.shown(e);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield await shown(event);
      },
    };
  }

  /** Counting reads no identifier; the inner store's count, where it has one. */
  get countAfter(): EventStore['countAfter'] {
    return this.inner.countAfter?.bind(this.inner);
  }

  /** The chain covers the stored ciphertext: verified on the events as stored. */
  verifyStream(streamId: string): Promise<StreamVerification> {
    return this.inner.verifyStream(streamId);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private encrypted(streamId: string, event: NewEvent, state: DataKeyState | undefined): NewEvent {
    const holder = holderOf(streamId);
    const person = personWithIdentifiers(holder, event.data);
    if (holder === undefined || person === undefined || state === undefined) return event;
    // Everything a writer hands in is encrypted, even text that looks like a ciphertext.
    return withIdentifiers(event, holder, person, (value, field) =>
      state.kind === 'key' ? encrypt(state.key, value, `${streamId}|${field}`) : ERASED_IDENTIFIER,
    );
  }

  private shownAll(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    return Promise.all(events.map((e) => this.shown(e)));
  }

  private async shown(event: RecordedEvent): Promise<RecordedEvent> {
    const holder = holderOf(event.streamId);
    const person = personWithIdentifiers(holder, event.data);
    if (holder === undefined || person === undefined) return event;
    const state: DataKeyState = await this.keys.state(event.streamId);
    return withIdentifiers(event, holder, person, (value, field) => {
      const plain =
        state.kind === 'erased'
          ? ERASED_IDENTIFIER
          : isCiphertext(value)
            ? state.kind === 'key'
              ? (decrypt(state.key, value, `${event.streamId}|${field}`) ?? ERASED_IDENTIFIER)
              : ERASED_IDENTIFIER
            : value;
      return this.view === 'mask' && plain !== ERASED_IDENTIFIER ? this.mask(field, plain) : plain;
    });
  }
}

/** The store under any number of wrappers. */
export function innermostStore(store: EventStore): EventStore {
  let current = store;
  while (current instanceof PersonalDataStore) current = current.inner;
  return current;
}
