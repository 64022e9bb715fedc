/**
 * Rebuild (issue 6.5): the fresh collections are built beside the live ones, which keep answering
 * and keep being updated by the live projector; then the live projector hands its lease over, the
 * rebuild swaps its collections in, and the live projector goes on from the rebuilt checkpoint. The
 * result equals a clean build. Progress: a bar on a terminal, plain lines otherwise.
 */
import { pino } from 'pino';
import { READ_MODELS, rebuildCollectionName } from '#infra/read-store/read-model-collections.js';
import { RebuildAborted } from '../../apps/projector/src/rebuild/rebuild-aborted.js';
import { createProgressReporter } from '../../apps/projector/src/rebuild/progress-reporter.js';
import { rebuildProjections } from '../../apps/projector/src/rebuild/rebuild-projections.js';
import { startProjector } from '../../apps/projector/src/start-projector.js';
import {
  READ_MODEL_PROJECTIONS,
  UnknownProjection,
} from '../../apps/projector/src/projections/projector-projections.js';
import { hashDifferences, readModelHashes } from './support/read-model-hashes.js';
import { indexesOf } from './support/read-model-indexes.js';
import { realisticStore } from './support/realistic-store.js';

const quiet = pino({ level: 'silent' });

describe('rebuild beside the live read models', () => {
  const realistic = realisticStore({ cases: 400, seed: 21 });

  it('the live views answer and stay current during a rebuild, then the rebuilt ones take over; the result equals a clean build', async () => {
    const live = await realistic.server.database('rebuild_live');
    const projector = startProjector(realistic.events.store, live.db, {
      leaseTtlMs: 1_500,
      leaseRetryMs: 100,
      idlePollMs: 20,
      logger: quiet,
    });
    await projector.whenCaughtUp();
    const views = live.db.collection(READ_MODELS.caseViews);
    expect(await views.countDocuments()).toBe(400);

    const someCase = (await views.findOne({}))!._id;
    const lines: string[] = [];
    let done = false;
    const rebuilding = rebuildProjections(realistic.events.store, live.db, {
      names: ['case-views', 'statistics'],
      logger: quiet,
      batchSize: 100,
      leaseTtlMs: 1_500,
      progress: createProgressReporter({ isTTY: false, write: (t) => lines.push(t) > 0 }, () => Date.now()),
    });
    void rebuilding.finally(() => (done = true));
    // The live view answers all along through the swap: one rename with dropTarget, on MongoDB
    // and on the local FerretDB (build 7).
    const samples: boolean[] = [];
    const sampling = (async () => {
      while (!done) {
        samples.push((await views.findOne({ _id: someCase })) !== null);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // Meanwhile new cases arrive: the live projector applies them to the live collections.
    await realistic.append({ cases: 200, seed: 22 });
    const report = await rebuilding;
    await sampling;
    expect(report.projections).toEqual(['case-views', 'statistics']);
    expect(samples.length).toBeGreaterThan(5);
    expect(samples.filter((found) => !found)).toEqual([]);
    // After the swap the live projector holds the leases again and goes on from the rebuilt checkpoint.
    await realistic.append({ cases: 100, seed: 23 });
    await projector.whenCaughtUp();
    await projector.stop();
    expect(await views.countDocuments()).toBe(700);
    expect(await live.db.collection(READ_MODELS.statisticsCases).countDocuments()).toBe(700);
    expect(
      await live.db.listCollections({ name: rebuildCollectionName(READ_MODELS.caseViews) }).toArray(),
    ).toEqual([]);

    const clean = await realistic.server.database('rebuild_clean');
    // Stopped once every projection applied a batch: while loading, the rebuild's collections have
    // `_id` only.
    const stop = new AbortController();
    const stopOnceAllStarted = {
      start: () => undefined,
      update: (applied: number) => void (applied > 0 && stop.abort()),
      finish: () => undefined,
    };
    await expect(
      rebuildProjections(realistic.events.store, clean.db, {
        logger: quiet,
        batchSize: 500,
        signal: stop.signal,
        progress: stopOnceAllStarted,
      }),
    ).rejects.toThrow(RebuildAborted);
    const loading = (await clean.db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((name) => name.endsWith(rebuildCollectionName('')));
    expect(loading).toContain(rebuildCollectionName(READ_MODELS.caseViews));
    for (const name of loading)
      expect(await indexesOf(clean.db, name)).toEqual([{ key: [['_id', 1]], unique: false }]);
    // Resumed, it swaps in collections carrying every declared index, built before the swap.
    await rebuildProjections(realistic.events.store, clean.db, { logger: quiet });
    for (const p of READ_MODEL_PROJECTIONS)
      for (const c of p.collections)
        expect(await indexesOf(clean.db, c.name)).toEqual(
          expect.arrayContaining(
            c.indexes.map((i) => ({ key: Object.entries(i.key), unique: i.unique ?? false })),
          ),
        );
    expect(hashDifferences(await readModelHashes(clean.db), await readModelHashes(live.db))).toEqual([]);
    expect(lines[0]).toMatch(/^rebuild case-views, statistics: [\d,]+ events to apply\n$/);
    expect(lines[lines.length - 1]).toMatch(/done: [\d,]+ events in [\d.]+ s/);
    // Each phase says what it does and how long it took: the indexes apply no event, and at scale
    // they take as long as the events (bench:projector's rebuildPhasesSeconds).
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^rebuild case-views, statistics: applied [\d,]+ events in [\d.]+ s; building the declared indexes\n$/,
        ),
        expect.stringMatching(
          /^rebuild case-views, statistics: \d+ indexes of case-views built in [\d.]+ s\n$/,
        ),
        expect.stringMatching(/: \d+ index(es)? of statistics built in [\d.]+ s\n$/),
      ]),
    );
    expect(lines[lines.length - 1]).toMatch(
      /\(applying [\d.]+ s, indexes [\d.]+ s, last events and swaps [\d.]+ s\)\n$/,
    );
    const { applying, indexing, swapping } = report.phases;
    expect(applying).toBeGreaterThan(0);
    expect(indexing).toBeGreaterThan(0);
    expect(applying + indexing + swapping).toBeLessThanOrEqual(report.seconds);
  }, 240_000);

  it('a rebuild starts every projection in its first round: each page read serves them all, none starts over from the first event later', async () => {
    const db = (await realistic.server.database('rebuild_together')).db;
    const order: string[] = [];
    const logger = pino(
      { level: 'debug' },
      {
        write(line: string) {
          const { msg, projection } = JSON.parse(line) as { msg: string; projection?: string };
          if (msg === 'projection lease taken' || msg === 'batch applied') order.push(`${msg} ${projection}`);
        },
      },
    );
    await rebuildProjections(realistic.events.store, db, { logger, batchSize: 200 });
    const firstBatch = order.findIndex((line) => line.startsWith('batch applied'));
    expect(firstBatch).toBeGreaterThan(0);
    expect(new Set(order.slice(0, firstBatch))).toEqual(
      new Set(READ_MODEL_PROJECTIONS.map((p) => `projection lease taken ${p.name}#rebuild`)),
    );
  }, 120_000);

  it('an unknown projection name is refused with the known names', async () => {
    const db = (await realistic.server.database('rebuild_unknown')).db;
    await expect(rebuildProjections(realistic.events.store, db, { names: ['case-view'] })).rejects.toThrow(
      UnknownProjection,
    );
    await expect(rebuildProjections(realistic.events.store, db, { names: ['case-view'] })).rejects.toThrow(
      /case-views, case-timelines, cards, accountability, statistics, complaints, case-evaluations, backdated-entries/,
    );
  });
});

describe('rebuild progress', () => {
  it('on a terminal: a bar redrawn in place with events/s and ETA', () => {
    let now = 0;
    const out: string[] = [];
    const progress = createProgressReporter(
      { isTTY: true, columns: 100, write: (t) => out.push(t) > 0 },
      () => now,
    );
    progress.start('rebuild cards', 1000);
    now = 2000;
    progress.update(500);
    progress.finish('done');
    expect(out.join('')).toMatch(/\rrebuild cards \[#+\.+\] {2}50% 500\/1,000 events 250 events\/s ETA 0:02/);
    expect(out[out.length - 1]).toBe('rebuild cards: done\n');
  });

  it('a step between phases ends the bar on a terminal first, and is a plain line in a log', () => {
    const recorded = (isTTY: boolean) => {
      const lines: string[] = [];
      const clock = { now: 0 };
      const write = (text: string): boolean => lines.push(text) > 0;
      return {
        lines,
        clock,
        progress: createProgressReporter({ isTTY, columns: 100, write }, () => clock.now),
      };
    };
    const terminal = recorded(true);
    terminal.progress.start('rebuild cards', 1000);
    terminal.clock.now = 1000;
    terminal.progress.update(1000);
    terminal.progress.step('building the declared indexes');
    expect(terminal.lines.slice(-2)).toEqual([
      expect.stringMatching(/^\rrebuild cards \[#+\] 100% 1,000\/1,000 events .*\[K\n$/),
      'rebuild cards: building the declared indexes\n',
    ]);
    const log = recorded(false);
    log.progress.start('rebuild cards', 1000);
    log.progress.step('building the declared indexes');
    expect(log.lines).toEqual([
      'rebuild cards: 1,000 events to apply\n',
      'rebuild cards: building the declared indexes\n',
    ]);
  });

  it('elsewhere: plain lines every few seconds', () => {
    let now = 0;
    const out: string[] = [];
    const progress = createProgressReporter({ isTTY: false, write: (t) => out.push(t) > 0 }, () => now);
    progress.start('rebuild cards', 1000);
    now = 1000;
    progress.update(100); // too soon for a line
    now = 6000;
    progress.update(600);
    expect(out).toEqual([
      'rebuild cards: 1,000 events to apply\n',
      'rebuild cards: 60% 600/1,000 events 100 events/s ETA 0:04\n',
    ]);
    expect(out.every((l) => !l.includes('\r'))).toBe(true);
  });
});
