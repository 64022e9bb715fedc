/**
 * The local FerretDB's SQLite page size (start-local-ferretdb.ts, SQLITE_PAGE_SIZE; issue 19): the
 * databases a store creates have 16 KiB pages, read from each file's header; a store that builds
 * before it made with 4 KiB pages starts under the new default and goes on: its documents read back,
 * it takes writes and keeps its page size, and only a database created after uses the new size.
 * Always its own server: it tests how this project starts FerretDB, not MONGODB_TEST_URL's.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import {
  SQLITE_PAGE_SIZE,
  startLocalFerretDb,
  type StartLocalFerretDbOptions,
} from '#infra/read-store/ferretdb/start-local-ferretdb.js';

/** The page size each database file of the store declares (header bytes 16–17; 1 means 65,536). */
async function pageSizes(dataDir: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const name of await readdir(join(dataDir, 'sqlite'))) {
    if (!name.endsWith('.sqlite')) continue;
    const raw = (await readFile(join(dataDir, 'sqlite', name))).readUInt16BE(16);
    sizes[name] = raw === 1 ? 65_536 : raw;
  }
  return sizes;
}

/** Runs `work` against a server started on `dataDir`, then stops it (its files stay). */
async function withServer(
  options: StartLocalFerretDbOptions,
  work: (client: MongoClient) => Promise<void>,
): Promise<void> {
  const server = await startLocalFerretDb({ ...options, reuseRunning: false });
  const client = await MongoClient.connect(server.uri);
  try {
    await work(client);
  } finally {
    await client.close();
    await server.stop();
  }
}

interface CaseDoc {
  _id: string;
  n: number;
  note?: string;
}

const cases = (from: number, count: number): CaseDoc[] =>
  Array.from({ length: count }, (_, i) => ({
    _id: `case-${from + i}`,
    n: from + i,
    note: '补正材料'.repeat(500),
  }));

describe('the SQLite page size of the local FerretDB', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sqlite-page-size-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('a new store makes its databases with 16 KiB pages', async () => {
    expect(SQLITE_PAGE_SIZE).toBe(16_384);
    await withServer({ dataDir }, async (client) => {
      await client.db('read_models').collection<CaseDoc>('case_views').insertMany(cases(0, 50));
      await client.db('other').collection<CaseDoc>('x').insertOne({ _id: 'one', n: 1 });
    });
    expect(await pageSizes(dataDir)).toEqual({ 'read_models.sqlite': 16_384, 'other.sqlite': 16_384 });
  });

  it('a store made with 4 KiB pages goes on under the new default, and keeps them', async () => {
    await withServer({ dataDir, sqlitePageSize: 4_096 }, async (client) => {
      const views = client.db('read_models').collection<CaseDoc>('case_views');
      await views.insertMany(cases(0, 50));
      await views.createIndex({ n: 1 });
    });
    expect(await pageSizes(dataDir)).toEqual({ 'read_models.sqlite': 4_096 });

    await withServer({ dataDir }, async (client) => {
      const views = client.db('read_models').collection<CaseDoc>('case_views');
      expect(await views.countDocuments()).toBe(50);
      await views.insertMany(cases(50, 50));
      await views.updateOne({ _id: 'case-7' }, { $set: { n: -7 } });
      const page = await views.find({ n: { $gte: 95 } }, { sort: { n: 1 }, projection: { n: 1 } }).toArray();
      expect(page).toEqual([95, 96, 97, 98, 99].map((n) => ({ _id: `case-${n}`, n })));
      expect(await views.findOne({ _id: 'case-7' }, { projection: { n: 1 } })).toEqual({
        _id: 'case-7',
        n: -7,
      });
      await client.db('audit').collection<CaseDoc>('x').insertOne({ _id: 'one', n: 1 });
    });
    expect(await pageSizes(dataDir)).toEqual({ 'read_models.sqlite': 4_096, 'audit.sqlite': 16_384 });
  });

  it('refuses a page size SQLite would ignore', async () => {
    await expect(startLocalFerretDb({ dataDir, sqlitePageSize: 10_000 })).rejects.toThrow(RangeError);
  });
});
