/**
 * Bench only: the accepted applications of the read-store benches (run.ts, queries.ts,
 * seed-case-views.ts), decided by the domain as the API would: a window clerk of center-1 and one
 * promised matter (5 working days).
 */
import { newEventOf } from '#infra/command-handling/handle-command.js';
import { parseInstant } from '#domain/calendar/index.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseState } from '#domain/case/case-state.js';
import { acceptanceCommands, decideInTurn } from '#domain/testing/case-history.js';
import { promisedMatter, windowClerk } from '#domain/testing/fixtures.js';
import type { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { EventStore, NewEvent } from '#infra/event-store/event-store.port.js';

export const DAY = 86_400_000;
export const T0 = parseInstant('2026-03-02T09:00:00+08:00');
export const SPREAD = 10 * DAY;
export const clerk = windowClerk;
export const MATTER = promisedMatter;

/** Decides `commands` on `state` at `now` and appends the events. */
export async function record(
  store: EventStore,
  configuration: ConfigurationCache,
  caseId: string,
  state: CaseState,
  commands: readonly CaseCommand[],
  now: number,
): Promise<CaseState> {
  const context = {
    now,
    clock: configuration.officeClock('center-1'),
    policy: configuration.policy(),
    matter: MATTER,
  };
  const { events, state: next } = decideInTurn(commands, state, context);
  const toAppend: NewEvent[] = events.map((e) =>
    newEventOf(e, { eventId: crypto.randomUUID(), causationId: null }, `bench-${caseId}`),
  );
  const before = next.revision - events.length;
  await store.append(`case-${caseId}`, toAppend, before < 0 ? 'no_stream' : before);
  return next;
}

/** Register, receive and accept in `centerId` (the fixtures' commands, which name center-1). */
export const accept = (caseId: string, centerId = 'center-1'): CaseCommand[] =>
  acceptanceCommands(caseId, `张${caseId}`, clerk).map((c) =>
    c.type === 'RegisterInquiry' ? { ...c, centerId } : c,
  );
