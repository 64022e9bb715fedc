/**
 * What a projection is (DESIGN.md "Read models"): pure functions from (current document, event) to
 * the next document, with no I/O. The runner (../runner) reads events, loads and caches documents,
 * calls these functions, writes the results guarded by position and saves the checkpoint.
 *
 * A projection owns one "unit" collection (one document per case, per card …) and may change
 * shared documents of its collections too (a day's counts, a window's quarter). A change to a
 * shared document is a delta (`SharedDelta`: counters to add, keyed array items to replace), never
 * the whole document: the runner sends it as an update (`$inc`, `$set`, `$pullAll`, `$push`), so what an
 * event writes does not grow with the document (issue 19). Each shared document carries the
 * `_position` of the last event applied to it: the runner applies a delta only to a document that
 * has not seen its event, and moves `_position` in the same update, so a replayed event never
 * counts twice. The runner writes shared documents before unit documents, so a crash between the
 * two is repaired by replay: the unit documents were not written, their events are applied again,
 * and the shared documents skip what they have.
 */
import type { IndexDescription } from 'mongodb';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

/**
 * A read-model document as a projection builds it; the runner adds `_position` when writing. A type
 * alias, not an interface, so the runner can read its fields by name (unit-update.ts) without a cast.
 */
export type ProjectedDocument = { readonly _id: string };

/** A document type as a projection builds it: without the `_position` the runner writes. */
export type Built<D extends { _position: string }> = Omit<D, '_position'>;

/**
 * How a projection's unit documents are stored (`Stored`) and read back, typed both ways: a store
 * built by an older version may hold another shape, which `decode` still reads (json-field.ts).
 */
export interface DocumentCodec<Unit extends ProjectedDocument, Stored extends ProjectedDocument> {
  encode(document: Unit): Stored;
  decode(stored: Stored): Unit;
}

export interface ProjectionCollection {
  /** The read-model name (read-model-collections.ts); a rebuild writes beside it under another. */
  readonly name: string;
  readonly indexes: readonly IndexDescription[];
}

/** An item of an array field, found by its key field (a violation by `violationId`). */
export type KeyedItem = Readonly<Record<string, unknown>>;

/**
 * Array items replaced by key: the stored values `remove` go (`$pullAll`, matched exactly, so they
 * must be the values as they were added), then `add` are appended (`$push`). Readers must not rely
 * on the order of the array.
 */
export interface ItemsDelta {
  readonly field: string;
  readonly key: string;
  readonly remove: readonly KeyedItem[];
  readonly add: readonly KeyedItem[];
}

/** A change to a shared document, as an update (module comment). */
export interface SharedDelta {
  readonly collection: string;
  readonly id: string;
  /** The fields of the document when this delta creates it (identity fields, counters at zero). */
  readonly initial: Readonly<Record<string, unknown>>;
  /** Added to numeric fields (`$inc`). */
  readonly inc?: Readonly<Record<string, number>>;
  /**
   * Fields set to these values (`$set`; a later delta's value wins): a document that stands for one
   * item (a violation) and changes with it. Never undefined: a field that goes is set to null.
   */
  readonly set?: Readonly<Record<string, unknown>>;
  readonly items?: ItemsDelta;
}

export interface ProjectionStep<Unit extends ProjectedDocument = ProjectedDocument> {
  /** The unit document after the event. */
  readonly unit: Unit;
  readonly shared?: readonly SharedDelta[];
}

/**
 * `Unit`: the type of its unit documents, which `apply` receives and returns (the runner stores
 * them through `unitCodec`, as they are without one); `Stored`: their stored form; `Event`: the
 * events as `apply` reads them, decoded by `decode` (unknown to the runner, which only passes them).
 */
export interface Projection<
  Context = unknown,
  Unit extends ProjectedDocument = ProjectedDocument,
  Stored extends ProjectedDocument = Unit,
  Event = unknown,
> {
  readonly name: string;
  /**
   * The shape of the documents it builds, a positive integer: raised whenever a code change makes
   * documents built before it differ from those built after (a new field, a new collection). The
   * checkpoint records the version a read store was built with; the projector rebuilds, beside the
   * live one, a read store built with another (../versions/version-rebuilds.ts).
   */
  readonly version: number;
  readonly collections: readonly ProjectionCollection[];
  /**
   * Collections an older version built and this one does not: dropped once a rebuild at this
   * version is swapped in (apps/projector/README.md "Versions").
   */
  readonly retiredCollections?: readonly string[];
  /** Which of `collections` holds the unit documents. */
  readonly unitCollection: string;
  readonly unitCodec?: DocumentCodec<Unit, Stored>;
  /** The context before any event: folded configuration (office hours, holidays, policy), or null. */
  readonly initialContext: Context;
  /** Pure: folds an event into the context; returns the same object when the event changes nothing. */
  reduceContext(context: Context, event: RecordedEvent): Context;
  /**
   * The event types it handles: the runner hands it no other. Absent: every event its `unitOf`
   * places (the case-wide projections take every event of a case stream, and park a type evolve
   * does not know rather than pass it by).
   */
  readonly eventTypes?: ReadonlySet<string>;
  /** The unit document an event belongs to, or undefined when this projection ignores the event. */
  unitOf(event: RecordedEvent): string | undefined;
  /**
   * The event as `apply` reads it: upcast and typed (the domain's event with its envelope). Throws
   * when the event cannot be read: the runner parks it with the error, as when `apply` throws.
   */
  decode(event: RecordedEvent): Event;
  /**
   * Pure: the unit document after `event`, given the document before it (undefined for the first
   * event of a unit). Throws when the event cannot be applied (malformed data): the runner parks it
   * with the error and goes on.
   */
  apply(unit: Unit | undefined, event: Event, context: Context): ProjectionStep<Unit>;
}

/** The context of a projection that folds no configuration (`...NO_CONTEXT`): null throughout. */
export const NO_CONTEXT: Pick<Projection<null>, 'initialContext' | 'reduceContext'> = {
  initialContext: null,
  reduceContext: () => null,
};
