/** A test double of supervision's completion ledger (C6), in memory, counting nothing it need not. */
import type { CompletionRecord } from '#domain/timeliness/public-criticism.js';
import { START, type Position } from '#infra/event-store/event-store.port.js';
import type { CompletionLedger } from '../../../apps/projector/src/supervision/completion-ledger.port.js';

export class InMemoryCompletionLedger implements CompletionLedger {
  private readonly completions = new Map<string, CompletionRecord>();
  private position: Position = START;

  record(completion: CompletionRecord): Promise<void> {
    this.completions.set(completion.caseId, completion);
    return Promise.resolve();
  }

  recent(departmentId: string, upTo: string, limit: number): Promise<readonly CompletionRecord[]> {
    const at = Date.parse(upTo);
    return Promise.resolve(
      [...this.completions.values()]
        .filter((c) => c.departmentId === departmentId && Date.parse(c.completedAt) <= at)
        .sort((a, b) => Date.parse(b.completedAt) - Date.parse(a.completedAt))
        .slice(0, limit),
    );
  }

  checkpoint(): Promise<Position> {
    return Promise.resolve(this.position);
  }

  saveCheckpoint(position: Position): Promise<void> {
    if (position > this.position) this.position = position;
    return Promise.resolve();
  }
}
