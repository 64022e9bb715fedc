/** The configuration events a realistic center starts with, recorded the day before the first case. */
import type { Actor } from '#domain/actor/actor.js';
import { parseInstant, toShanghaiIso } from '#domain/calendar/index.js';
import { recordedActor } from '#infra/command-handling/handle-command.js';
import { countyPolicy, departments, TOWNSHIP_HOURS } from './fixtures.js';
import { START, type PlannedAppend, type RealisticCasesOptions } from './options.js';
import { uuidOf } from './uuid-of.js';

/** The configuration events a realistic center starts with: matters, the township's hours, the policy. */
export function configurationAppends(options: Pick<RealisticCasesOptions, 'start'> = {}): PlannedAppend[] {
  const at = parseInstant(options.start ?? START) - 86_400_000;
  const admin: Actor = { id: 'u-admin', name: '管理员赵敏', role: 'admin' };
  const one = (streamId: string, type: string, data: unknown, n: number): PlannedAppend => ({
    streamId,
    expectedRevision: 'any',
    recordedAt: at + n,
    events: [
      {
        eventId: uuidOf(`${streamId}|${type}`),
        type,
        schemaVersion: 1,
        occurredAt: toShanghaiIso(at + n),
        actor: recordedActor(admin),
        correlationId: uuidOf(`corr|${streamId}`),
        causationId: null,
        data,
      },
    ],
  });
  const out: PlannedAppend[] = [
    one(
      'center-center-2',
      'CenterConfigured',
      { centerId: 'center-2', name: '城关镇便民服务分中心', officeHours: TOWNSHIP_HOURS },
      0,
    ),
    one('policy-timeliness', 'TimelinessPolicyChanged', countyPolicy(), 1),
  ];
  for (const d of departments())
    for (const m of d.matters) out.push(one(`catalog-${m.code}`, 'MatterDefined', m, 2));
  return out;
}
