/**
 * Cost of I2 per append. Build, then run:
 *   npx tsc -p tsconfig.build.json && node dist/bench/personal-data/run.js
 *
 * On the PostgreSQL server (PG_TEST_URL), in a database of its own (dropped at the end), 16
 * concurrent writers append single events for BENCH_SECONDS (default 2) each, four alternating
 * rounds, through the bare store ("before") and through the I2 store ("after"):
 *   - registrations: the first event of a new case, carrying an ID number and a phone (after: a
 *     data key made, wrapped and inserted, and both identifiers encrypted);
 *   - later events of a case, without identifiers (after: passed through).
 * The last line is one JSON object: appends/s of each, and the ratios after/before.
 */
import { randomUUID } from 'node:crypto';
import { maskIdNumber, maskPhone } from '#domain/privacy/mask-applicant.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore, NewEvent, RecordedActor } from '#infra/event-store/event-store.port.js';
import { PostgresEventStore } from '#infra/event-store/postgres/postgres-event-store.js';
import { DataKeys } from '#infra/personal-data/data-keys.js';
import { masterKeyFrom } from '#infra/personal-data/identifier-cipher.js';
import { PersonalDataStore } from '#infra/personal-data/personal-data-store.js';
import { benchEvent } from '../support/bench-event.js';
import { scratchPostgresDatabase } from '../support/scratch-postgres.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const CONCURRENCY = 16;
const ROUNDS = 4;

const actor: RecordedActor = {
  id: 'staff-0042',
  name: '李晓明',
  role: 'guide',
  departmentId: 'dept-service',
  windowId: null,
};
const event = (withIdentifiers: boolean): NewEvent =>
  withIdentifiers
    ? benchEvent(
        'InquiryRegistered',
        {
          caseId: randomUUID(),
          centerId: 'center-1',
          channel: 'window',
          applicant: { kind: 'person', name: '张三', idNumber: '110101199003071234', phone: '13800138000' },
          question: '如何办理食品经营许可？',
        },
        { actor },
      )
    : benchEvent('InquiryAnswered', { answer: '请携带身份证和场地租赁合同到3号窗口办理。' }, { actor });

/** Appends per second: registrations (new streams) or later events (streams of the writer, revision by revision). */
async function rate(store: EventStore, registrations: boolean): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const streamId = `case-${randomUUID()}`;
      let revision = -1;
      if (!registrations) revision = (await store.append(streamId, [event(true)], 'no_stream')).nextRevision;
      while (performance.now() < until) {
        if (registrations) await store.append(`case-${randomUUID()}`, [event(true)], 'no_stream');
        else revision = (await store.append(streamId, [event(false)], revision)).nextRevision;
        count++;
      }
    }),
  );
  return Math.round(count / SECONDS);
}

async function main(): Promise<void> {
  const database = await scratchPostgresDatabase('es_bench_i2');
  const raw = await createEventStore(database.url);
  try {
    if (!(raw instanceof PostgresEventStore)) throw new Error('expected the PostgreSQL store');
    const keys = new DataKeys(raw.database, masterKeyFrom('bench-secret-0123456789abcdef-0123456789'));
    const i2 = new PersonalDataStore(raw, keys, 'reveal', (f, v) =>
      f === 'phone' ? maskPhone(v) : maskIdNumber(v),
    );
    const totals = { beforeReg: 0, afterReg: 0, beforeLater: 0, afterLater: 0 };
    await rate(raw, true); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which goes first, so a store that grows during the run favours neither.
      const pair = async (registrations: boolean): Promise<[number, number]> => {
        if (round % 2 === 0) {
          const before = await rate(raw, registrations);
          return [before, await rate(i2, registrations)];
        }
        const after = await rate(i2, registrations);
        return [await rate(raw, registrations), after];
      };
      const [beforeReg, afterReg] = await pair(true);
      const [beforeLater, afterLater] = await pair(false);
      totals.beforeReg += beforeReg;
      totals.afterReg += afterReg;
      totals.beforeLater += beforeLater;
      totals.afterLater += afterLater;
      console.log(`round ${round + 1}: ${JSON.stringify(totals)}`);
    }
    const mean = (n: number): number => Math.round(n / ROUNDS);
    const result = {
      registrationsPerSecBefore: mean(totals.beforeReg),
      registrationsPerSecAfter: mean(totals.afterReg),
      registrationRatio: Number((totals.afterReg / totals.beforeReg).toFixed(3)),
      laterEventsPerSecBefore: mean(totals.beforeLater),
      laterEventsPerSecAfter: mean(totals.afterLater),
      laterEventRatio: Number((totals.afterLater / totals.beforeLater).toFixed(3)),
    };
    console.log(JSON.stringify(result));
  } finally {
    await raw.close();
    await database.drop();
  }
}

await main();
