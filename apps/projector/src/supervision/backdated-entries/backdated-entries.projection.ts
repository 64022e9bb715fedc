/**
 * The read model of back-dated entries (U2) behind GET /views/audit/backdated: the collection
 * `audit_backdated_entries`, one document per back-dated case event (backdated-entry.ts), indexed
 * for the view's order (recordedAtMs, _id) and its department filter. An entry is written once and
 * never changed, as a timeline entry is.
 *
 * Version 2: a pure projection like the others, so a rebuild builds it beside the live collection in
 * the same pass over the events (version 1 wrote its own documents and was rebuilt in place: the
 * collection dropped, the audit view empty while every event was read a second time).
 */
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  BACKDATED_ENTRIES_COLLECTION,
  BACKDATED_ENTRY_INDEXES,
  type BackdatedEntryDocument,
} from '#infra/read-store/documents/backdated-entry-document.js';
import { NO_CONTEXT, type Built, type Projection } from '../../projection/projection.js';
import { backdatedEntryOf, isBackdated } from './backdated-entry.js';

export const BACKDATED_ENTRIES_PROJECTION = 'backdated-entries';

type BackdatedEntry = Built<BackdatedEntryDocument>;

/** The entry of an event `unitOf` placed, which is back-dated by then. */
function entryOf(event: RecordedEvent): BackdatedEntry {
  const entry = backdatedEntryOf(event);
  if (!entry) throw new Error(`event ${event.eventId} is not a back-dated entry`);
  return entry;
}

export const backdatedEntriesProjection: Projection<null, BackdatedEntry, BackdatedEntry, BackdatedEntry> = {
  name: BACKDATED_ENTRIES_PROJECTION,
  version: 2,
  unitCollection: BACKDATED_ENTRIES_COLLECTION,
  collections: [{ name: BACKDATED_ENTRIES_COLLECTION, indexes: BACKDATED_ENTRY_INDEXES }],
  ...NO_CONTEXT,
  // Most events are not back-dated: two instants read, nothing built.
  unitOf: (event) => (isBackdated(event) ? event.eventId : undefined),
  decode: entryOf,
  apply: (_unit, entry) => ({ unit: entry }),
};
