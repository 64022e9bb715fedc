import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, SchemaTooNew, migrate } from './migrations.js';
import { openPgliteDatabase } from './pglite-database.js';
import type { SqlDatabase } from './sql-database.js';

describe('event store migrations', () => {
  let dir: string;
  let db: SqlDatabase;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'es-migrations-'));
    db = await openPgliteDatabase(dir);
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies each version once, and records it', async () => {
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>(
      'SELECT version FROM es_schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('applies a later version on top, in its own transaction', async () => {
    const next = {
      version: 1000,
      description: 'test',
      sql: 'CREATE TABLE es_test_later (id int); CREATE TABLE es_test_later2 (id int);',
    };
    expect(await migrate(db, [...MIGRATIONS, next])).toEqual([1000]);
    const broken = {
      version: 1001,
      description: 'broken',
      sql: 'CREATE TABLE es_test_half (id int); SELECT no_such_function();',
    };
    await expect(migrate(db, [...MIGRATIONS, next, broken])).rejects.toThrow(/no_such_function/);
    const half = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'es_test_half'`,
    );
    expect(half[0].n).toBe(0);
  });

  it('refuses a schema newer than the code', async () => {
    await expect(migrate(db)).rejects.toBeInstanceOf(SchemaTooNew);
  });
});
