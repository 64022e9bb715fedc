import type { Position, RecordedEvent } from '#infra/event-store/event-store.port.js';

/** API.md: a command answers `{ caseId, revision, position, events }` with `ETag: "<revision>"`. */
export interface CommandAnswer {
  readonly caseId: string;
  readonly revision: number;
  readonly position: Position | null;
  readonly events: readonly RecordedEvent[];
}

/** An administration command answers the same way, naming its configuration stream instead of a case. */
export interface ConfigurationAnswer {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position | null;
  readonly events: readonly RecordedEvent[];
}

/** What the stream writer returns: the recorded events, and whether this was a replay of a retry. */
export interface WriteOutcome {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position | null;
  readonly events: readonly RecordedEvent[];
  /** True when an `Idempotency-Key` found its first answer: nothing new was recorded (answer 200). */
  readonly replayed: boolean;
}
