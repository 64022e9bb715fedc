/**
 * C6 needs a department's latest completions, on time or late, and the department is not in the
 * CaseCompleted event: supervision keeps its own ledger of completions (case, department, when, on
 * time), filled from the CaseCompleted events it reads, with the position it has read up to.
 */
import type { CompletionRecord } from '#domain/timeliness/public-criticism.js';
import type { Position } from '#infra/event-store/event-store.port.js';

export interface CompletionLedger {
  /** Records a completion (idempotent: the same case again replaces it). */
  record(completion: CompletionRecord): Promise<void>;
  /** The department's `limit` latest completions at or before `upTo` (ISO), latest first. */
  recent(departmentId: string, upTo: string, limit: number): Promise<readonly CompletionRecord[]>;
  /** The position of the last CaseCompleted event read; `START` at first. */
  checkpoint(): Promise<Position>;
  saveCheckpoint(position: Position): Promise<void>;
}
