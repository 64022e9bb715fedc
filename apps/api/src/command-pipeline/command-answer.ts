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

/** What the write path returns (libs/infra/src/command-handling/handle-command.ts). */
export type { WriteOutcome } from '#infra/command-handling/handle-command.js';
