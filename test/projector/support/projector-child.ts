/**
 * A projector process for the multi-process tests: runs the projector (no supervision) against
 * EVENT_STORE_URL and MONGODB_URI until SIGTERM, printing `caught-up <position>` whenever a read
 * found nothing newer. PROJECTOR_LEASE_TTL_MS shortens the leases so takeovers are quick.
 */
import { pino } from 'pino';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { connectReadStore } from '#infra/read-store/read-store.js';
import { startProjector } from '../../../apps/projector/src/start-projector.js';

const store = await createEventStore(process.env.EVENT_STORE_URL, { pollIntervalMs: 50 });
const read = await connectReadStore(process.env.MONGODB_URI!);
const projector = startProjector(store, read.db, {
  logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
  leaseTtlMs: Number(process.env.PROJECTOR_LEASE_TTL_MS ?? 3000),
  leaseRetryMs: 250,
  idlePollMs: 100,
  owner: process.env.PROJECTOR_OWNER,
});
const report = async (): Promise<void> => {
  for (;;) {
    await projector.whenCaughtUp();
    process.stdout.write(`caught-up ${JSON.stringify(projector.status())}\n`);
    await new Promise((r) => setTimeout(r, 200));
  }
};
void report();
process.once('SIGTERM', () => {
  void (async () => {
    await projector.stop();
    await read.close();
    await store.close();
    process.exit(0);
  })();
});
