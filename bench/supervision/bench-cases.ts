/**
 * Bench only (run.ts): the due cases of the supervision bench, accepted by the domain as the API
 * would (a window clerk of center-1, one promised matter), their streams written to the event store.
 */
import { newEventOf } from '#infra/command-handling/handle-command.js';
import { parseInstant } from '#domain/calendar/index.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState, type CaseState } from '#domain/case/case-state.js';
import { acceptanceCommands, decideInTurn } from '#domain/testing/case-history.js';
import { promisedMatter as MATTER, windowClerk as clerk } from '#domain/testing/fixtures.js';
import type { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { EventStore, NewEvent } from '#infra/event-store/event-store.port.js';

export const ACCEPTED_AT = '2026-03-02T09:00:00+08:00'; // due 03-09 17:30

/** The events and state of a case accepted at ACCEPTED_AT, decided by the domain (as the API would). */
function acceptedCase(
  configuration: ConfigurationCache,
  caseId: string,
): { decided: CaseEvent[]; state: CaseState } {
  const now = parseInstant(ACCEPTED_AT);
  const context = {
    now,
    clock: configuration.officeClock('center-1'),
    policy: configuration.policy(),
    matter: MATTER,
  };
  const { events: decided, state } = decideInTurn(
    acceptanceCommands(caseId, '张三', clerk),
    initialState,
    context,
  );
  return { decided, state };
}

/** Writes an accepted case's stream. */
export async function seedCase(
  store: EventStore,
  configuration: ConfigurationCache,
  caseId: string,
): Promise<void> {
  const { decided } = acceptedCase(configuration, caseId);
  const toAppend: NewEvent[] = decided.map((e, i) =>
    newEventOf(
      e,
      { eventId: crypto.randomUUID(), causationId: i === 0 ? null : `bench-${caseId}` },
      `bench-${caseId}`,
    ),
  );
  await store.append(`case-${caseId}`, toAppend, 'no_stream');
}
