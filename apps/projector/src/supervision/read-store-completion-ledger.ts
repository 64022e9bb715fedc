/**
 * The completion ledger of C6 in the read store: `supervision_completions` (one document per
 * completed case: department, completion time, on time) with an index on (departmentId,
 * completedAtMs), and the position read up to in `supervision_checkpoints`. Supervision owns both.
 */
import type { Collection, Db } from 'mongodb';
import type { CompletionRecord } from '#domain/timeliness/public-criticism.js';
import { START, type Position } from '#infra/event-store/event-store.port.js';
import type { CompletionLedger } from './completion-ledger.port.js';

interface CompletionDocument {
  _id: string;
  departmentId: string;
  completedAt: string;
  completedAtMs: number;
  onTime: boolean;
}

interface CheckpointDocument {
  _id: string;
  position: Position;
}

export const COMPLETIONS_COLLECTION = 'supervision_completions';
export const CHECKPOINTS_COLLECTION = 'supervision_checkpoints';
const CHECKPOINT_ID = 'late-completions';
const DUPLICATE_KEY = 11000;

export class ReadStoreCompletionLedger implements CompletionLedger {
  private readonly completions: Collection<CompletionDocument>;
  private readonly checkpoints: Collection<CheckpointDocument>;

  constructor(db: Db) {
    this.completions = db.collection<CompletionDocument>(COMPLETIONS_COLLECTION);
    this.checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  }

  /** Creates the index the department lookups use (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.completions.createIndex({ departmentId: 1, completedAtMs: -1 });
  }

  async record(c: CompletionRecord): Promise<void> {
    await this.completions.replaceOne(
      { _id: c.caseId },
      {
        departmentId: c.departmentId,
        completedAt: c.completedAt,
        completedAtMs: Date.parse(c.completedAt),
        onTime: c.onTime,
      },
      { upsert: true },
    );
  }

  async recent(departmentId: string, upTo: string, limit: number): Promise<readonly CompletionRecord[]> {
    const docs = await this.completions
      .find({ departmentId, completedAtMs: { $lte: Date.parse(upTo) } })
      .sort({ completedAtMs: -1, _id: -1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      caseId: d._id,
      departmentId: d.departmentId,
      completedAt: d.completedAt,
      onTime: d.onTime,
    }));
  }

  async checkpoint(): Promise<Position> {
    return (await this.checkpoints.findOne({ _id: CHECKPOINT_ID }))?.position ?? START;
  }

  async saveCheckpoint(position: Position): Promise<void> {
    // Several loops may run: a checkpoint only moves forward (positions order as strings).
    const moved = await this.checkpoints.updateOne(
      { _id: CHECKPOINT_ID, position: { $lt: position } },
      { $set: { position } },
    );
    if (moved.matchedCount > 0) return;
    try {
      await this.checkpoints.insertOne({ _id: CHECKPOINT_ID, position });
    } catch (error) {
      // Already there, at this position or a later one.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
}
