/**
 * Reads the back-dated entries (U2) from the read model `audit_backdated_entries` (written by the
 * projector: apps/projector/src/supervision/backdated-entries), newest first, with the filters of
 * the view; auditors only (纪检监察: DOMAIN.md "Who uses it").
 */
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Db, Filter } from 'mongodb';
import {
  BACKDATED_ENTRIES_COLLECTION,
  type BackdatedEntryDocument,
} from '#infra/read-store/documents/backdated-entry-document.js';
import { ProblemException, titledProblem } from '../../problem/problem-details.js';
import { cursorPage } from '../../views/cursor-pages.js';
import { AUDIT_READ_STORE } from './audit-read-store.js';
import { cursorOf } from './backdated-cursor.js';
import { GetBackdatedEntriesQuery } from './backdated-entries.query.js';
import type { BackdatedEntriesPage } from './backdated-entry.view.js';
import { assertReads } from '../../auth/assert-reads.js';

@QueryHandler(GetBackdatedEntriesQuery)
export class GetBackdatedEntriesHandler implements IQueryHandler<
  GetBackdatedEntriesQuery,
  BackdatedEntriesPage
> {
  constructor(@Inject(AUDIT_READ_STORE) private readonly db: Db | null) {}

  async execute({ reader, filter }: GetBackdatedEntriesQuery): Promise<BackdatedEntriesPage> {
    assertReads(reader, 'backdatedEntries');
    if (!this.db)
      throw new ProblemException(
        titledProblem(503, 'READ_STORE_UNAVAILABLE', 'This process runs without a read store.'),
      );
    const and: Filter<BackdatedEntryDocument>[] = [];
    if (filter.departmentId !== undefined) and.push({ departmentId: filter.departmentId });
    if (filter.from !== undefined) and.push({ recordedAtMs: { $gte: filter.from } });
    if (filter.to !== undefined) and.push({ recordedAtMs: { $lt: filter.to } });
    if (filter.after !== undefined)
      and.push({
        $or: [
          { recordedAtMs: { $lt: filter.after.recordedAtMs } },
          { recordedAtMs: filter.after.recordedAtMs, _id: { $lt: filter.after.eventId } },
        ],
      });
    const docs = await this.db
      .collection<BackdatedEntryDocument>(BACKDATED_ENTRIES_COLLECTION)
      .find(and.length > 0 ? { $and: and } : {})
      .sort({ recordedAtMs: -1, _id: -1 })
      .limit(filter.limit + 1)
      .toArray();
    return cursorPage(
      docs,
      filter.limit,
      (last) => cursorOf(last.recordedAtMs, last._id),
      (d) => ({
        eventId: d._id,
        caseId: d.caseId,
        eventType: d.eventType,
        revision: d.revision,
        occurredAt: d.occurredAt,
        recordedAt: d.recordedAt,
        gapMinutes: d.gapMinutes,
        lateEntryReason: d.lateEntryReason,
        actor: d.actor,
      }),
    );
  }
}
