/**
 * Writes the cards that are due on a case, as the projector's supervision loop will (DESIGN.md
 * "Supervision"), so the suites can reach the card commands (C4, C5) before that loop exists.
 */
import { randomUUID } from 'node:crypto';
import { SUPERVISION_ACTOR } from '#domain/actor/actor.js';
import { createWorkingCalendar, DEFAULT_OFFICE_HOURS } from '#domain/calendar/index.js';
import { decide } from '#domain/case/decide.js';
import { DEFAULT_TIMELINESS_POLICY } from '#domain/timeliness/timeliness-policy.js';
import { caseStateOf, caseStreamId } from '#infra/case-stream/case-stream.js';
import { newEventOf } from '#infra/command-handling/handle-command.js';
import type { TestApi } from './api-harness.js';

export async function runSupervision(api: TestApi, caseId: string): Promise<string[]> {
  const streamId = caseStreamId(caseId);
  const recorded = await api.store.readStream(streamId);
  const state = caseStateOf(recorded);
  const decision = decide({ type: 'RunSupervisionCheck', actor: SUPERVISION_ACTOR }, state, {
    now: api.clock.now(),
    clock: { calendar: createWorkingCalendar(), hours: DEFAULT_OFFICE_HOURS },
    policy: DEFAULT_TIMELINESS_POLICY,
  });
  if (!Array.isArray(decision)) throw new Error(JSON.stringify(decision));
  if (decision.length === 0) return [];
  await api.store.append(
    streamId,
    decision.map((e) => newEventOf(e, { eventId: randomUUID(), causationId: null }, randomUUID())),
    state.revision,
  );
  return decision.map((e) => e.type);
}
