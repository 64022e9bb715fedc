/**
 * GET /views/complaints (API.md "Complaints without a case"): complaints with or without a case,
 * newest first, filtered by center, status, overdue now (P2, T10) and received time. Supervisors
 * read their center's, auditors all. Reads `complaint_views` (the complaints projection).
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import {
  COMPLAINT_VIEWS,
  type ComplaintViewDocument,
} from '#infra/read-store/documents/complaint-view-document.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ProblemException } from '../../problem/problem-details.js';
import { cursorPage } from '../cursor-pages.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { PAGE_QUERY, SCOPE_QUERY, ViewRoute, askedScope, pageLimit } from '../view-list-parameters.js';
import { viewProblems } from '../view-problems.js';
import {
  decodeCursor,
  encodeCursor,
  optionalBoolean,
  optionalEnum,
  optionalPosition,
  timeRange,
} from '../view-query-parameters.js';
import { scopedFilters } from '../view-scope.js';

export class ComplaintListItem {
  @ApiProperty({ example: 'TS-20261130-7F3K9Q2M' }) complaintId!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'center-1' }) centerId!: string | null;
  @ApiProperty({ example: 'hotline' }) channel!: string;
  @ApiProperty({ example: { kind: 'staff', id: 'u-window' } }) subject!: { kind: string; id?: string };
  @ApiProperty({ enum: ['received', 'investigating', 'concluded'] }) status!: string;
  @ApiProperty({ example: '2026-11-30T09:12:00+08:00' }) receivedAt!: string;
  @ApiProperty({ example: '2026-12-07T17:30:00+08:00' }) dueAt!: string;
  @ApiProperty({
    description: 'Open and past dueAt now, computed at the read (P2, T10); what the `overdue` filter means',
    example: false,
  })
  overdue!: boolean;
  @ApiProperty({
    description:
      'Supervision recorded the complaint overdue (T10, P2): the authoritative fact of the record, set once the limit passed unconcluded; stays true after a late conclusion',
    example: false,
  })
  overdueFlagged!: boolean;
  @ApiPropertyOptional({ example: '2026-12-03T10:00:00+08:00' }) concludedAt?: string;
  @ApiPropertyOptional({ example: true }) substantiated?: boolean;
  @ApiPropertyOptional({ description: 'Concluded after dueAt (P2)', example: false }) late?: boolean;
}

export class ComplaintListView {
  @ApiProperty({ type: [ComplaintListItem] }) items!: ComplaintListItem[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class ComplaintsViewController {
  constructor(private readonly positions: ReadModelPositions) {}

  @Get('complaints')
  @ApiOperation({
    summary: 'Complaints with or without a case (P1, P2)',
    description: 'Roles: supervisor (own center), auditor.',
  })
  @ViewRoute(ComplaintListView, [
    SCOPE_QUERY.centerId,
    { name: 'status', enum: ['received', 'investigating', 'concluded'] },
    { name: 'overdue', example: 'true' },
    { name: 'from', example: '2026-11-01T00:00:00%2B08:00' },
    { name: 'to', example: '2026-12-01T00:00:00%2B08:00' },
    ...PAGE_QUERY,
  ])
  async complaints(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ComplaintListView> {
    const scope = scopedFilters(actor, askedScope(query, ['centerId']), 'complaints');
    // R1: a supervisor's token without a center reads nothing.
    if (actor.role === 'supervisor' && scope.centerId === undefined)
      throw new ProblemException(viewProblems.outOfScope('Your token names no center to read.'));
    const status = optionalEnum('status', query.status, ['received', 'investigating', 'concluded'] as const);
    const overdue = optionalBoolean('overdue', query.overdue);
    // A date as `to` includes its whole day, as on every route (it used to end at its 00:00).
    const { from, to } = timeRange(query);
    const limit = pageLimit(query.limit);
    const after = decodeCursor(query.cursor, ['number', 'string']);
    await this.positions.waitFor(optionalPosition(query.minPosition), ['complaints']);
    const now = this.positions.now();
    const isOverdue = (d: ComplaintViewDocument): boolean => d.status !== 'concluded' && now > d.dueAtMs;
    // A concluded complaint is never overdue now.
    if (overdue === true && status === 'concluded') return { items: [], nextCursor: null };

    // One indexed range (COMPLAINT_VIEW_INDEXES: center or not, status or not, by receivedAtMs
    // then _id), read a page at a time: the keyset cursor continues after the last item.
    const open = { $in: ['received', 'investigating'] as ComplaintViewDocument['status'][] };
    const received = {
      ...(from !== undefined && { $gte: from }),
      ...(to !== undefined && { $lt: to }),
    };
    const filter: Filter<ComplaintViewDocument> = {
      ...(scope.centerId !== undefined && { centerId: scope.centerId }),
      ...(status !== undefined ? { status } : overdue === true ? { status: open } : {}),
      ...(Object.keys(received).length > 0 && { receivedAtMs: received }),
      // P2, T10: open and past the limit now, as the `overdue` field says.
      ...(overdue === true && { dueAtMs: { $lt: now } }),
      ...(overdue === false && { $or: [{ status: 'concluded' }, { dueAtMs: { $gte: now } }] }),
    };
    const keyset: Filter<ComplaintViewDocument> | undefined =
      after === undefined
        ? undefined
        : {
            $or: [
              { receivedAtMs: { $lt: after[0] as number } },
              { receivedAtMs: after[0] as number, _id: { $lt: after[1] as string } },
            ],
          };
    const matching = await this.positions
      .db()
      .collection<ComplaintViewDocument>(COMPLAINT_VIEWS)
      .find(keyset === undefined ? filter : { $and: [filter, keyset] })
      .sort({ receivedAtMs: -1, _id: -1 })
      .limit(limit + 1)
      .toArray();
    return cursorPage(
      matching,
      limit,
      (last) => encodeCursor([last.receivedAtMs, last._id]),
      (d) => ({
        complaintId: d.complaintId,
        caseId: d.caseId,
        centerId: d.centerId,
        channel: d.channel,
        subject: d.subject,
        status: d.status,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        overdue: isOverdue(d),
        overdueFlagged: d.overdueFlagged,
        ...(d.concludedAt !== undefined && { concludedAt: d.concludedAt }),
        ...(d.substantiated !== undefined && { substantiated: d.substantiated }),
        ...(d.late !== undefined && { late: d.late }),
      }),
    );
  }
}
