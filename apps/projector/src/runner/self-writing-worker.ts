/**
 * The worker of a projection that writes its own idempotent documents (projection-worker.ts): the
 * runner only feeds it the events its filter takes and checkpoints it.
 */
import type { Db } from 'mongodb';
import { START, type Position, type RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { SelfWritingProjection } from '../projection/projection.js';
import { builtWithOf, loadCheckpoint, type CheckpointToSave } from './checkpoint-store.js';
import type { AppliedBatch, ProjectionWorker, WorkerTarget } from './projection-worker.js';

export class SelfWritingWorker implements ProjectionWorker {
  position: Position = START;
  builtWith: number | undefined;

  constructor(
    readonly projection: SelfWritingProjection,
    private readonly db: Db,
    readonly target: WorkerTarget,
  ) {}

  async start(): Promise<void> {
    const checkpoint = await loadCheckpoint(this.db, this.target.checkpointId);
    this.position = checkpoint?.position ?? START;
    this.builtWith = builtWithOf(checkpoint, this.projection);
    await this.projection.ensureIndexes();
  }

  invalidate(): void {}

  async applyBatch(events: readonly RecordedEvent[], next: Position): Promise<AppliedBatch> {
    const filter = this.projection.filter;
    const wanted = events.filter((e) =>
      !filter
        ? true
        : 'streamPrefix' in filter
          ? e.streamId.startsWith(filter.streamPrefix)
          : filter.eventTypes.includes(e.type),
    );
    if (wanted.length > 0) await this.projection.apply(wanted);
    const checkpoint: CheckpointToSave = {
      projection: this.projection.name,
      position: next,
      context: null,
      contextUnchanged: true,
      phase: this.target.phase,
      version: this.builtWith,
    };
    const commit = (): void => {
      if (next > this.position) this.position = next;
    };
    return { outcome: { applied: wanted.length, parked: 0 }, checkpoint, commit };
  }
}
