import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
} from '@kurrent/kurrentdb-client';
import type { EventFilter, RecordedEvent } from '../event-store.port.js';

/**
 * The port's filter as EventStoreDB's server-side `$all` filter: a stream-name prefix, or an
 * exact list of event types (a regex anchored at both ends, so `CardIssued` does not also take
 * `CardIssuedAgain`). No filter still leaves out system events (`$`-types). A subscription passes
 * `checkpointReached`: the server then reports how far its filtered scan went.
 */
export function serverFilter(
  filter: EventFilter | undefined,
  checkpoints: Pick<Filter, 'checkpointReached'> = {},
): Filter {
  if (filter === undefined) return excludeSystemEvents(checkpoints);
  if ('streamPrefix' in filter) return streamNameFilter({ prefixes: [filter.streamPrefix], ...checkpoints });
  const alternatives = filter.eventTypes.map(escapeRegex).join('|');
  // An empty list matches nothing (a lookahead that always fails).
  return eventTypeFilter({
    regex: alternatives === '' ? '^(?!)' : `^(?:${alternatives})$`,
    ...checkpoints,
  });
}

/** The same filter again on the client, so a server's looser reading of it changes nothing. */
export function matchesFilter(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  if (filter === undefined) return true;
  if ('streamPrefix' in filter) return event.streamId.startsWith(filter.streamPrefix);
  return filter.eventTypes.includes(event.type);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
