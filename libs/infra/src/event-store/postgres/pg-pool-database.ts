import pg from 'pg';
import type { SqlDatabase, SqlTransaction, StopListening } from './sql-database.js';

export interface PgPoolOptions {
  /** Connections in the pool; default 10 (the server's default `max_connections` is 100, shared). */
  readonly maxConnections?: number;
}

/** A PostgreSQL server through a `pg` pool; LISTEN gets a client of its own outside the pool. */
export function openPgPoolDatabase(connectionString: string, options: PgPoolOptions = {}): SqlDatabase {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection that dies (server restart) must not crash the process: the pool replaces
  // it, and the next query reports any lasting problem to its caller.
  pool.on('error', () => undefined);

  return {
    kind: 'postgres',

    async query<Row extends object>(
      text: string,
      params: readonly unknown[] = [],
      statementName?: string,
    ): Promise<Row[]> {
      const result = await pool.query<Row>({ text, values: [...params], name: statementName });
      return result.rows;
    },

    async transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<Row extends object>(text: string, params: readonly unknown[] = []) {
            return (await client.query<Row>(text, [...params])).rows;
          },
          async execScript(sql: string) {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },

    async listen(
      channel: string,
      onNotification: (payload: string) => void,
      onLost: () => void,
    ): Promise<StopListening> {
      const client = new pg.Client({ connectionString });
      let stopping = false;
      client.on('notification', (message) => {
        if (message.channel === channel) onNotification(message.payload ?? '');
      });
      client.on('error', () => {
        if (!stopping) onLost();
      });
      await client.connect();
      try {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      return async () => {
        stopping = true;
        await client.end().catch(() => undefined);
      };
    },

    async notify(channel: string, payload: string): Promise<void> {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },

    async close(): Promise<void> {
      await pool.end();
    },
  };
}
