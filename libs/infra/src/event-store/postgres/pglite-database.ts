import { mkdir, chmod } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDatabase, SqlTransaction } from './sql-database.js';

/**
 * Embedded PGlite in `dataDir`. PGlite is one backend on one connection, so every statement goes
 * through one promise queue: a transaction (a migration) can never interleave with an append or a
 * subscriber's read. Only this process can open the directory, so subscribers are woken in process
 * and no LISTEN/NOTIFY is needed.
 *
 * PGlite runs PostgreSQL as WebAssembly inside this thread and can answer a query without any I/O,
 * so back-to-back statements (a catch-up, a loop of appends) would chain through microtasks and
 * starve timers and sockets: the HTTP API shares this process. Each statement first lets the event
 * loop turn once (setImmediate).
 */
export async function openPgliteDatabase(dataDir: string): Promise<SqlDatabase> {
  // Finding 12: the event store's files are this user's alone (PGlite writes them 0666).
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  const db = await PGlite.create(dataDir);
  let tail: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = async (): Promise<T> => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return work();
    };
    const run = tail.then(turn, turn);
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    kind: 'pglite',

    query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      return serially(async () => (await db.query<Row>(text, [...params])).rows);
    },

    transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
      return serially(() =>
        db.transaction((tx) =>
          work({
            async query<Row extends object>(text: string, params: readonly unknown[] = []) {
              return (await tx.query<Row>(text, [...params])).rows;
            },
            async execScript(sql: string) {
              await tx.exec(sql);
            },
          }),
        ),
      );
    },

    close(): Promise<void> {
      return serially(() => db.close());
    },
  };
}
