/**
 * Declared indexes on the read store (ensure-index.ts): the partial open-case indexes of
 * `case_views` are made whole where the server has no partial indexes (FerretDB 1.x), and an
 * IndexOptionsConflict (85) is accepted only when a whole index on the same keys exists. Ensured
 * together, a collection's indexes are listed once (not once per conflict, as on every projector
 * start before), and again only when a conflict names keys indexed after that listing. A rebuild's
 * loaded collection gets its missing indexes in one createIndexes command (one scan on MongoDB).
 */
import { MongoClient, MongoServerError, type Db, type IndexDescription } from 'mongodb';
import { CASE_EVALUATION_INDEXES } from '#infra/read-store/documents/case-evaluations-document.js';
import { CASE_VIEW_INDEXES } from '#infra/read-store/documents/case-view-document.js';
import { buildIndexesTogether, ensureIndex, ensureIndexes } from '#infra/read-store/ensure-index.js';
import { startTestReadServer, type TestReadServer } from './support/test-ferretdb.js';

describe('ensureIndexes: declared indexes, the collection listed once per call', () => {
  let server: TestReadServer;
  let client: MongoClient;
  let db: Db;
  const listings: string[] = [];
  /** Each createIndexes command: its collection and how many indexes it asks for. */
  const creations: [string, number][] = [];

  beforeAll(async () => {
    server = await startTestReadServer();
    // The driver's own command monitoring counts what reaches the server.
    client = await MongoClient.connect(server.uri, { monitorCommands: true });
    client.on('commandStarted', (e) => {
      if (e.commandName === 'listIndexes') listings.push(String(e.command.listIndexes));
      if (e.commandName === 'createIndexes')
        creations.push([
          String(e.command.createIndexes),
          Array.isArray(e.command.indexes) ? e.command.indexes.length : 0,
        ]);
    });
    db = client.db(`ensure_index_${process.pid}`);
  }, 120_000);
  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await server?.close();
  });
  beforeEach(() => {
    listings.length = 0;
    creations.length = 0;
  });

  it('builds a loaded collection’s missing indexes in one command (one scan on MongoDB), not one command per index', async () => {
    const evaluations = db.collection<{ _id: string }>('case_evaluations');
    await evaluations.insertMany(
      Array.from({ length: 40 }, (_, i) => ({
        _id: `case-${i}`,
        centerId: `center-${i % 3}`,
        completedAt: new Date(Date.UTC(2026, 2, 1 + (i % 28))),
        lastRatedAt: i % 2 === 0 ? new Date(Date.UTC(2026, 2, 2 + (i % 27))) : null,
      })),
    );
    const [first, second, ...rest] = CASE_EVALUATION_INDEXES;
    await ensureIndexes(evaluations, [first!, second!]);
    creations.length = 0;
    await buildIndexesTogether(evaluations, CASE_EVALUATION_INDEXES);
    expect(creations).toEqual([['case_evaluations', rest.length]]);
    expect((await evaluations.indexes()).map((i) => i.name).sort()).toEqual(
      ['_id_', ...CASE_EVALUATION_INDEXES.map((i) => i.name!)].sort(),
    );
    // All there: nothing asked (a command naming two existing indexes breaks FerretDB 1.x's connection).
    creations.length = 0;
    await buildIndexesTogether(evaluations, CASE_EVALUATION_INDEXES);
    expect(creations).toEqual([]);
    // A collection the load wrote nothing to is made, with its indexes.
    const empty = db.collection('never_written');
    await buildIndexesTogether(empty, CASE_EVALUATION_INDEXES);
    expect((await empty.indexes()).length).toBe(CASE_EVALUATION_INDEXES.length + 1);
    // Declared without names (as the cards' are): found again by the names the server gave them.
    const unnamed: IndexDescription[] = [{ key: { a: 1, _id: -1 } }, { key: { b: -1 } }];
    await buildIndexesTogether(db.collection('unnamed'), unnamed);
    creations.length = 0;
    await buildIndexesTogether(db.collection('unnamed'), unnamed);
    expect(creations).toEqual([]);
  });

  it('builds case_views’ indexes together where partial indexes are served, else one by one as ensureIndexes does', async () => {
    const views = db.collection('case_views_loaded');
    await views.insertOne({ centerId: 'center-1', open: true });
    await buildIndexesTogether(views, CASE_VIEW_INDEXES);
    const declared = [...new Set(CASE_VIEW_INDEXES.map((i) => JSON.stringify(i.key)))];
    const keys = (await views.indexes()).map((i) => JSON.stringify(i.key));
    expect(keys).toEqual(expect.arrayContaining(declared));
    expect(creations.length === 1 || creations.length > CASE_VIEW_INDEXES.length).toBe(true);
  });

  it('creates every declared case_views index, and again on a second start, listing the collection once each time where partial indexes are made whole', async () => {
    const views = db.collection('case_views');
    await ensureIndexes(views, CASE_VIEW_INDEXES);
    const listed = listings.length;
    // Declared partial, made whole here, beside the same keys declared whole: that conflicts.
    const conflicts = (await views.indexes()).length < CASE_VIEW_INDEXES.length + 1;
    expect(listed).toBe(conflicts ? 1 : 0);
    const keysOf = async (): Promise<string[]> =>
      (await views.indexes()).map((i) => JSON.stringify(i.key)).sort();
    const declared = [...new Set(CASE_VIEW_INDEXES.map((i) => JSON.stringify(i.key)))];
    const first = await keysOf();
    expect(first).toEqual(expect.arrayContaining(declared));

    listings.length = 0;
    await ensureIndexes(views, CASE_VIEW_INDEXES);
    expect(listings.length).toBe(conflicts ? 1 : 0);
    expect(await keysOf()).toEqual(first);
  });

  it('accepts a conflict with keys indexed whole after the first listing, listing once more', async () => {
    const c = db.collection('relisted');
    await ensureIndexes(c, [
      { name: 'a_first', key: { a: 1 } },
      { name: 'a_second', key: { a: 1 } },
      { name: 'b_first', key: { b: 1 } },
      { name: 'b_second', key: { b: 1 } },
    ]);
    const listed = [...listings];
    const names = (await c.indexes()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['a_first', 'b_first']));
    // On a server that conflicts (85) on the same keys under another name: one listing per pair.
    if (!names.includes('a_second')) expect(listed).toEqual(['relisted', 'relisted']);
  });

  it('still refuses an index whose name is taken by other keys', async () => {
    const c = db.collection('taken');
    await ensureIndex(c, { name: 'x', key: { a: 1 } });
    const refused = await ensureIndexes(c, [{ name: 'x', key: { b: 1 } }]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(MongoServerError);
    expect((await c.indexes()).map((i) => i.name).sort()).toEqual(['_id_', 'x']);
  });
});
