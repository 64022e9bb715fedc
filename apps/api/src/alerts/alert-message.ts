/**
 * One alert of GET /alerts/stream: a warning or card (C1–C3) as a server-sent event whose `id` is
 * the event's global position (for Last-Event-ID), `event` its type, and `data` this JSON.
 */
import { ApiProperty } from '@nestjs/swagger';
import type { CardFacts } from '#domain/case/case-events.js';
import { CARD_EVENT_TYPES } from '#domain/case/case-events.js';
import { caseIdOf } from '#infra/case-stream/case-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

/** The event types the stream carries: warnings and cards (C1–C3). */
export const ALERT_EVENT_TYPES: readonly string[] = CARD_EVENT_TYPES;

export class AlertMessage {
  @ApiProperty({ enum: CARD_EVENT_TYPES, example: 'YellowCardIssued' }) type!: string;
  @ApiProperty({ example: '5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) caseId!: string;
  @ApiProperty({ example: 'yellow-202603091730' }) cardId!: string;
  @ApiProperty({ enum: ['warning', 'yellow', 'red'], example: 'yellow' }) level!: string;
  @ApiProperty({ example: '2026-03-09T17:30:00+08:00', description: 'The deadline the card measures' })
  deadline!: string;
  @ApiProperty({ enum: ['timeliness', 'explanation_overdue'], example: 'timeliness' }) cause!: string;
  @ApiProperty({ example: '2026-03-09T17:31:00.000+08:00' }) issuedAt!: string;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
  @ApiProperty({ example: '00000000000000000750:00000000000000000012' }) position!: string;
}

export function alertMessage(event: RecordedEvent): AlertMessage {
  const data = event.data as CardFacts;
  return {
    type: event.type,
    // The feed passes case streams only (alert-feed.ts); any other stream's id is passed on whole.
    caseId: caseIdOf(event) ?? event.streamId,
    cardId: data.cardId,
    level: data.level,
    deadline: data.deadline,
    cause: data.cause,
    issuedAt: event.occurredAt,
    departmentId: data.departmentId ?? null,
    windowId: data.windowId ?? null,
    position: event.position,
  };
}

/** The text/event-stream frame of an alert (WHATWG HTML "Server-sent events"). */
export function alertFrame(message: AlertMessage): string {
  return `id: ${message.position}\nevent: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`;
}
