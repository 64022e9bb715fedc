/**
 * The centers' rosters of open deadlines (case_open_deadlines), as the overdue view reads them: the
 * roster index (one small document) says which roster changed at which position; a roster is
 * re-read and parsed only when it changed, and kept sorted by deadline, so a query usually costs
 * one lookup and no parsing.
 */
import { Injectable } from '@nestjs/common';
import {
  decodeRoster,
  ROSTER_INDEX_ID,
  rosterIdOf,
  type OpenDeadlineEntry,
  type OpenDeadlineRosterIndex,
  type StoredOpenDeadlineRoster,
} from '#infra/read-store/documents/open-deadline-roster-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { ReadModelPositions } from '../read-model-positions.js';

interface Parsed {
  readonly position: string;
  /** By deadline, then case id. */
  readonly entries: readonly OpenDeadlineEntry[];
}

const byDeadline = (a: OpenDeadlineEntry, b: OpenDeadlineEntry): number =>
  a.deadlineAt - b.deadlineAt || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

@Injectable()
export class OpenDeadlineRosters {
  private readonly parsed = new Map<string, Parsed>();
  private merged: { key: string; entries: readonly OpenDeadlineEntry[] } | undefined;

  constructor(private readonly positions: ReadModelPositions) {}

  /** The open cases with a deadline of one center, or of every center, by deadline then case id. */
  async entries(centerId: string | undefined): Promise<readonly OpenDeadlineEntry[]> {
    const db = this.positions.db();
    const index = await db
      .collection<OpenDeadlineRosterIndex>(READ_MODELS.openDeadlines)
      .findOne({ _id: ROSTER_INDEX_ID });
    const versions = Object.entries(index?.rosters ?? {}).filter(
      ([id]) => centerId === undefined || id === rosterIdOf(centerId),
    );
    const rosters = db.collection<StoredOpenDeadlineRoster>(READ_MODELS.openDeadlines);
    const lists = await Promise.all(
      versions.map(async ([id, position]) => {
        const known = this.parsed.get(id);
        if (known && known.position >= position) return known;
        const stored = await rosters.findOne({ _id: id });
        if (!stored) return { position, entries: [] };
        const fresh: Parsed = {
          position: stored._position,
          entries: Object.values(decodeRoster(stored).entries).sort(byDeadline),
        };
        this.parsed.set(id, fresh);
        return fresh;
      }),
    );
    if (lists.length === 1) return lists[0]!.entries;
    const key = versions.map(([id], i) => `${id}@${lists[i]!.position}`).join('|');
    if (this.merged?.key !== key)
      this.merged = { key, entries: lists.flatMap((l) => l.entries).sort(byDeadline) };
    return this.merged.entries;
  }
}
