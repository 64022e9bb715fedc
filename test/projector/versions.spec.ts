/**
 * Versions (apps/projector/README.md "Versions"): a read store built by an older version of a
 * projection (here case_views at version 2, with a center roster) is rebuilt by the projector by
 * itself when the current version starts: beside the live one, which answers throughout, then
 * swapped in, the retired collection dropped; the result equals a clean build at the current version and the checkpoint says so, so the next
 * start does nothing. A fresh store just builds. Two projectors starting at once rebuild it once.
 * PGlite and FerretDB.
 */
import { pino, type Logger } from 'pino';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import { READ_MODELS, RETIRED_READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Projection } from '../../apps/projector/src/projection/projection.js';
import { caseViewsProjection } from '../../apps/projector/src/projections/case-views/case-views.projection.js';
import type { ProjectorStatus } from '../../apps/projector/src/start-projector.js';
import { assertVersions, versionChangeOf } from '../../apps/projector/src/versions/version-change.js';
import { caseViewsVersion2 } from './support/case-views-version-2.js';
import { hashDifferences, readModelHashes } from './support/read-model-hashes.js';
import { realisticStore } from './support/realistic-store.js';
import { buildWith, startTestProjector } from './support/test-projector.js';
import type { Db } from 'mongodb';

const current: Projection = caseViewsProjection;

interface LogLine {
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** A logger that keeps its lines (info and up), to see what the projector said it did. */
function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const liveVersion = async (db: Db): Promise<number | undefined> =>
  (await checkpointsOf(db).findOne({ _id: current.name }))?.version;
const rebuildsStarted = (lines: readonly LogLine[]): number =>
  lines.filter((l) => l.msg === 'version rebuild started').length;

describe('a projection version the read store was not built with', () => {
  const realistic = realisticStore({ cases: 150, seed: 41 });
  let reference: Record<string, Map<string, string>> | undefined;

  /** A clean build at the current version of every event recorded so far. */
  const cleanBuild = async (): Promise<Record<string, Map<string, string>>> => {
    if (reference) return reference;
    const clean = await realistic.server.database('versions_clean');
    const { logger, lines } = recordingLogger();
    await buildWith(realistic.events, clean.db, current, logger);
    // A fresh store just builds: nothing to rebuild, and its checkpoint says the current version.
    expect(rebuildsStarted(lines)).toBe(0);
    expect(await liveVersion(clean.db)).toBe(current.version);
    reference = await readModelHashes(clean.db);
    return reference;
  };

  let live: Db;

  it('is rebuilt beside the live one when the projector starts, then swapped in: equal to a clean build, checkpoint at the new version, the live view answering throughout', async () => {
    live = (await realistic.server.database('versions_live')).db;
    await buildWith(realistic.events, live, caseViewsVersion2);
    expect(await liveVersion(live)).toBe(2);
    expect(await live.collection(RETIRED_READ_MODELS.openDeadlines).countDocuments()).toBeGreaterThan(0);
    const views = live.collection(READ_MODELS.caseViews);
    const someCase = (await views.findOne({}))!._id;

    const { logger, lines } = recordingLogger();
    const projector = startTestProjector(realistic.events, live, current, logger);
    let done = false;
    const rebuilt = projector.whenRebuildsDone().then(() => (done = true));
    const samples: boolean[] = [];
    const statuses: ProjectorStatus[][] = [];
    const sampling = (async () => {
      while (!done) {
        statuses.push(projector.status());
        samples.push((await views.findOne({ _id: someCase })) !== null);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // New cases meanwhile: the live projector keeps the live collections current.
    await realistic.append({ cases: 40, seed: 42 });
    await rebuilt;
    await sampling;
    await projector.whenCaughtUp();
    await projector.whenCaughtUp();
    expect(projector.status().every((s) => s.versionRebuild === undefined)).toBe(true);
    await projector.stop();

    // The live view answered all along through the swap: one rename with dropTarget, on MongoDB
    // and on the local FerretDB (build 7).
    expect(samples.length).toBeGreaterThan(5);
    expect(samples.filter((found) => !found)).toEqual([]);
    expect(statuses.flat()).toContainEqual(
      expect.objectContaining({
        checkpointId: 'case-views',
        versionRebuild: { from: 2, to: current.version, where: 'here' },
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'projection version changed: rebuilding its read models beside the live ones',
        projection: 'case-views',
        from: 2,
        to: current.version,
      }),
    );
    expect(rebuildsStarted(lines)).toBe(1);
    expect(lines.some((l) => l.msg === 'version rebuild done')).toBe(true);
    expect(await liveVersion(live)).toBe(current.version);
    // The retired collection of version 2 is gone with the swap.
    expect((await live.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name)).not.toContain(
      RETIRED_READ_MODELS.openDeadlines,
    );
    expect(
      (await live.listCollections({}, { nameOnly: true }).toArray()).filter((c) => c.name.includes('__')),
    ).toEqual([]);
    expect(hashDifferences(await cleanBuild(), await readModelHashes(live))).toEqual([]);
  }, 60_000);

  it('a second start finds the new version and rebuilds nothing', async () => {
    const { logger, lines } = recordingLogger();
    const projector = startTestProjector(realistic.events, live, current, logger);
    await projector.whenRebuildsDone();
    expect(projector.status().every((s) => s.versionRebuild === undefined)).toBe(true);
    await projector.whenCaughtUp();
    await projector.stop();
    expect(rebuildsStarted(lines)).toBe(0);
    expect(lines.some((l) => l.msg.startsWith('projection version changed'))).toBe(false);
    expect(await liveVersion(live)).toBe(current.version);
    expect(hashDifferences(await cleanBuild(), await readModelHashes(live))).toEqual([]);
  });

  it('two projectors starting at once rebuild it once: one builds, the other waits for its swap', async () => {
    const db = (await realistic.server.database('versions_two')).db;
    await buildWith(realistic.events, db, caseViewsVersion2);
    const a = recordingLogger();
    const b = recordingLogger();
    const first = startTestProjector(realistic.events, db, current, a.logger);
    const second = startTestProjector(realistic.events, db, current, b.logger);
    await Promise.all([first.whenRebuildsDone(), second.whenRebuildsDone()]);
    // No whenCaughtUp here: the projector holding no lease (one projection, two projectors) never
    // reads, so it never answers; no event was recorded since, and the swap brought the checkpoint
    // to the last one.
    await Promise.all([first.stop(), second.stop()]);
    expect(rebuildsStarted(a.lines) + rebuildsStarted(b.lines)).toBe(1);
    expect([...a.lines, ...b.lines].filter((l) => l.msg === 'version rebuild done elsewhere')).toHaveLength(
      1,
    );
    expect(await liveVersion(db)).toBe(current.version);
    expect(hashDifferences(await cleanBuild(), await readModelHashes(db))).toEqual([]);
  }, 60_000);
  it('a projector stopped during its version rebuild lets go at once; the next start resumes the rebuild and finishes it', async () => {
    const db = (await realistic.server.database('versions_stopped')).db;
    await buildWith(realistic.events, db, caseViewsVersion2);
    const first = startTestProjector(realistic.events, db, current);
    while (!first.status().some((s) => s.versionRebuild?.where === 'here'))
      await new Promise((r) => setTimeout(r, 5));
    await first.stop();
    await first.whenRebuildsDone();
    expect(await liveVersion(db)).toBe(2);
    // Every lease let go: the next projector needs not wait for one to expire.
    expect(await db.collection('projection_leases').countDocuments({ owner: { $ne: null } })).toBe(0);

    const { logger, lines } = recordingLogger();
    const second = startTestProjector(realistic.events, db, current, logger);
    await second.whenRebuildsDone();
    await second.stop();
    expect(rebuildsStarted(lines)).toBe(1);
    expect(await liveVersion(db)).toBe(current.version);
    expect(hashDifferences(await cleanBuild(), await readModelHashes(db))).toEqual([]);
  }, 60_000);
});

describe('version changes (pure)', () => {
  it('a checkpoint of another version, or of none, is a change; no checkpoint (a fresh store) is none', () => {
    expect(versionChangeOf(current, undefined)).toBeUndefined();
    expect(versionChangeOf(current, { version: current.version })).toBeUndefined();
    expect(versionChangeOf(current, { version: 2 })).toEqual({
      projection: current,
      from: 2,
      to: current.version,
    });
    expect(versionChangeOf(current, {})).toEqual({ projection: current, from: null, to: current.version });
  });

  it('versions are positive integers', () => {
    expect(() => assertVersions([current])).not.toThrow();
    expect(() => assertVersions([{ ...current, version: 0 }])).toThrow(
      /case-views: version must be a positive integer/,
    );
    expect(() => assertVersions([{ ...current, version: 1.5 }])).toThrow(/positive integer/);
  });
});
