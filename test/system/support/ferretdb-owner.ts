/**
 * A process that starts a local FerretDB on the DATA_DIR it is given and prints
 * `ferretdb <pid> <owned>`, then waits to be killed (test/system/ferretdb-lifetime.spec.ts).
 */
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';

const server = await startLocalFerretDb({ dataDir: process.env.DATA_DIR! });
process.stdout.write(`ferretdb ${server.pid} ${server.owned}\n`);
setInterval(() => undefined, 60_000);
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
