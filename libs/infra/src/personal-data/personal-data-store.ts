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

/**
 * I2 around the SQL event store: the applicant identifiers (`data.applicant.idNumber`, `.phone`)
 * of case streams are encrypted under the case's data key before they are appended, so the store
 * and its hash chain (U3, U8) hold and cover only ciphertext; readers get them back decrypted
 * (`reveal`, the API: I1 masks them for all but auditors) or masked (`mask`, the projector: read
 * models hold only masked values). Once a case's key is destroyed they read as ERASED_IDENTIFIER,
 * for everyone; plain identifiers of events stored before I2 too. Everything else passes through.
 */
export type IdentifierView = 'reveal' | 'mask';

const FIELDS = ['idNumber', 'phone'] as const;

interface WithApplicant {
  readonly applicant: Record<string, unknown>;
}

function applicantOf(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null || !('applicant' in data)) return undefined;
  const { applicant } = data as WithApplicant;
  return typeof applicant === 'object' && applicant !== null ? applicant : undefined;
}

/** The event with each identifier its applicant holds as text replaced by `change` (I2). */
function withIdentifiers<E extends { readonly data: unknown }>(
  event: E,
  applicant: Record<string, unknown>,
  change: (value: string, field: (typeof FIELDS)[number]) => string,
): E {
  const next: Record<string, unknown> = { ...applicant };
  for (const field of FIELDS) {
    const value = applicant[field];
    if (typeof value === 'string') next[field] = change(value, field);
  }
  return { ...event, data: { ...(event.data as object), applicant: next } };
}

/** Whether stored events hold identifiers in plain text (stored before I2): erasing cannot remove them. */
export function holdsPlainIdentifiers(events: readonly RecordedEvent[]): boolean {
  return events.some((e) => {
    const applicant = applicantOf(e.data);
    return (
      applicant !== undefined &&
      FIELDS.some((f) => {
        const v = applicant[f];
        return typeof v === 'string' && !isCiphertext(v) && v !== ERASED_IDENTIFIER;
      })
    );
  });
}

function hasIdentifiers(
  applicant: Record<string, unknown> | undefined,
): applicant is Record<string, unknown> {
  return applicant !== undefined && FIELDS.some((f) => typeof applicant[f] === 'string');
}

export class PersonalDataStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly keys: DataKeys,
    private readonly view: IdentifierView,
    private readonly mask: (field: 'idNumber' | 'phone', value: string) => string,
  ) {}

  /** I2: destroys the case's data key; its identifiers read as erased from now on, everywhere. */
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
    const state = events.some((e) => hasIdentifiers(applicantOf(e.data)))
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
      !events.some((e) => hasIdentifiers(applicantOf(e.data)))
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

  /** The chain covers the stored ciphertext: verified on the events as stored. */
  verifyStream(streamId: string): Promise<StreamVerification> {
    return this.inner.verifyStream(streamId);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private encrypted(streamId: string, event: NewEvent, state: DataKeyState | undefined): NewEvent {
    const applicant = applicantOf(event.data);
    if (!streamId.startsWith(CASE_STREAM_PREFIX) || !hasIdentifiers(applicant) || state === undefined)
      return event;
    // Everything a writer hands in is encrypted, even text that looks like a ciphertext.
    return withIdentifiers(event, applicant, (value, field) =>
      state.kind === 'key' ? encrypt(state.key, value, `${streamId}|${field}`) : ERASED_IDENTIFIER,
    );
  }

  private shownAll(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    return Promise.all(events.map((e) => this.shown(e)));
  }

  private async shown(event: RecordedEvent): Promise<RecordedEvent> {
    const applicant = applicantOf(event.data);
    if (!event.streamId.startsWith(CASE_STREAM_PREFIX) || !hasIdentifiers(applicant)) return event;
    const state: DataKeyState = await this.keys.state(event.streamId);
    return withIdentifiers(event, applicant, (value, field) => {
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
