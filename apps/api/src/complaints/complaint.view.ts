import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import { complaintOverdue } from '#domain/complaint/complaint-state.js';
import { maskComplainant } from '#domain/privacy/mask-complainant.js';
import { seesPersonalData } from '../audit/personal-data.js';
import { complaintStateOf } from '#infra/case-stream/complaint-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

export class ComplaintHistoryEntrySchema {
  @ApiProperty({ example: 'ComplaintReceived' }) type!: string;
  @ApiProperty({ example: '2026-11-30T09:12:00+08:00' }) occurredAt!: string;
  @ApiProperty({ example: { id: 'u-guide', name: '导办员小李', role: 'guide' } }) actor!: {
    id: string;
    name: string;
    role: string;
  };
}

/** GET /complaints/{id}: the complaint, its stage, deadline and history (P1, P2). */
export class ComplaintViewSchema {
  @ApiProperty({ example: 'TS-20261130-7F3K9Q2M' }) complaintId!: string;
  @ApiProperty({ example: 'TS-20261130-7F3K9Q2M' }) receiptNo!: string;
  @ApiProperty({ example: 'center-1' }) centerId!: string;
  @ApiProperty({ example: 'hotline' }) channel!: string;
  @ApiProperty({ example: { kind: 'staff', id: 'u-window', windowId: 'win-3' } }) subject!: Record<
    string,
    string
  >;
  @ApiProperty({ example: '窗口工作人员拒绝登记我的申请' }) content!: string;
  @ApiPropertyOptional({
    description: 'Masked unless the reader is an auditor (I1)',
    example: { name: '李*', phone: '139****9000' },
  })
  complainant?: { name: string; phone?: string };
  @ApiProperty({ enum: ['received', 'investigating', 'concluded'] }) status!: string;
  @ApiProperty({ example: '2026-11-30T09:12:00+08:00' }) receivedAt!: string;
  @ApiProperty({ example: '2026-12-07T17:30:00+08:00' }) dueAt!: string;
  @ApiProperty({ description: 'Open and past dueAt now (P2, T10)', example: false }) overdue!: boolean;
  @ApiProperty({
    description:
      'Supervision recorded it overdue (T10, P2: ComplaintOverdueFlagged); stays after a late conclusion',
    example: false,
  })
  overdueFlagged!: boolean;
  @ApiPropertyOptional({ example: '2026-12-03T10:00:00+08:00' }) concludedAt?: string;
  @ApiPropertyOptional({ example: true }) substantiated?: boolean;
  @ApiPropertyOptional({ example: '经调查属实，已对相关工作人员批评教育，感谢您的监督。' }) reply?: string;
  @ApiPropertyOptional({ description: 'Concluded after dueAt' }) late?: boolean;
  @ApiProperty({ type: [ComplaintHistoryEntrySchema] }) history!: ComplaintHistoryEntrySchema[];
  @ApiProperty({ example: 2 }) revision!: number;
}

export function complaintView(
  recorded: readonly RecordedEvent[],
  reader: Actor,
  now: number,
): ComplaintViewSchema {
  const state = complaintStateOf(recorded);
  const r = state.received!;
  const person = r.complainant;
  const complainant =
    person === undefined ? undefined : seesPersonalData(reader) ? person : maskComplainant(person);
  return {
    complaintId: r.complaintId,
    receiptNo: r.receiptNo,
    centerId: r.centerId,
    channel: r.channel,
    subject: { ...r.subject },
    content: r.content,
    ...(complainant && { complainant }),
    status: state.status,
    receivedAt: toShanghaiIso(state.receivedAt!),
    dueAt: toShanghaiIso(state.dueAt!),
    overdue: complaintOverdue(state, now),
    overdueFlagged: state.overdueFlagged,
    ...(state.concludedAt !== undefined && { concludedAt: toShanghaiIso(state.concludedAt) }),
    ...(state.substantiated !== undefined && { substantiated: state.substantiated }),
    ...(state.reply !== undefined && { reply: state.reply }),
    ...(state.late !== undefined && { late: state.late }),
    history: recorded.map((e) => ({
      type: e.type,
      occurredAt: e.occurredAt,
      actor: { id: e.actor.id, name: e.actor.name, role: e.actor.role },
    })),
    revision: state.revision,
  };
}
