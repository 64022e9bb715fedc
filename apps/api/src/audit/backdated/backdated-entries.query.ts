import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain/actor/actor.js';
import type { BackdatedEntriesPage } from './backdated-entry.view.js';

export interface BackdatedEntriesFilter {
  /** Recorded at or after (epoch ms). */
  readonly from?: number;
  /** Recorded before (epoch ms). */
  readonly to?: number;
  readonly departmentId?: string;
  readonly limit: number;
  /** After this entry of the previous page (recordedAtMs, event id), newest first. */
  readonly after?: { readonly recordedAtMs: number; readonly eventId: string };
}

/** GET /views/audit/backdated (U2): back-dated entries, newest first, a page at a time. */
export class GetBackdatedEntriesQuery extends Query<BackdatedEntriesPage> {
  constructor(
    readonly reader: Actor,
    readonly filter: BackdatedEntriesFilter,
  ) {
    super();
  }
}
