/**
 * The centers' rosters of open deadlines (case_open_deadlines), parsed once per version: a roster
 * is re-read whole only when its `_position` moved, so a query usually costs one small lookup per
 * center (the roster's position) and no parsing.
 */
import { Injectable } from '@nestjs/common';
import {
  decodeRoster,
  rosterIdOf,
  type OpenDeadlineEntry,
  type StoredOpenDeadlineRoster,
} from '#infra/read-store/documents/open-deadline-roster-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { ReadModelPositions } from '../read-model-positions.js';

interface Parsed {
  readonly position: string;
  readonly entries: readonly OpenDeadlineEntry[];
}

@Injectable()
export class OpenDeadlineRosters {
  private readonly parsed = new Map<string, Parsed>();

  constructor(private readonly positions: ReadModelPositions) {}

  /** The open cases with a deadline of one center, or of every center. */
  async entries(centerId: string | undefined): Promise<OpenDeadlineEntry[]> {
    const rosters = this.positions.db().collection<StoredOpenDeadlineRoster>(READ_MODELS.openDeadlines);
    const versions = await rosters
      .find(centerId === undefined ? {} : { _id: rosterIdOf(centerId) }, {
        projection: { _id: 1, _position: 1 },
      })
      .toArray();
    const lists = await Promise.all(
      versions.map(async ({ _id, _position }) => {
        const known = this.parsed.get(_id);
        if (known?.position === _position) return known.entries;
        const stored = await rosters.findOne({ _id });
        if (!stored) return [];
        const entries = Object.values(decodeRoster(stored).entries);
        this.parsed.set(_id, { position: stored._position, entries });
        return entries;
      }),
    );
    return lists.flat();
  }
}
