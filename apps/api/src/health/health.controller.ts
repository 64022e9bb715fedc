import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { toShanghaiIso } from '#domain/calendar/index.js';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { PublicRoute } from '../auth/public-route.decorator.js';
import type { ResponseHeaders } from '../command-pipeline/answer-response.js';
import { CLOCK, EVENT_STORE } from '../runtime/runtime-tokens.js';
import {
  LAG_COUNTED_UP_TO,
  READ_MODEL_HEALTH,
  type ReadModelHealth,
  type ReadModelHealthReport,
} from '../views/health/read-model-health.js';

export class ProjectionHealthView {
  @ApiProperty({ example: 'case-views' }) projection!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '00000000000000000750:00000000000000000012',
    description: 'Its checkpoint; null before its first one (not started yet)',
  })
  position!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0,
    description: `Events it has still to apply (counted up to ${LAG_COUNTED_UP_TO}); null before its first checkpoint`,
  })
  lag!: number | null;
}

export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok' }) status!: 'ok' | 'degraded';
  @ApiProperty({ enum: ['system', 'manual'], example: 'system' }) clock!: 'system' | 'manual';
  @ApiProperty({
    example: '2026-03-02T09:00:00+08:00',
    description:
      'The clock’s now, the business time levels and due explanations are judged at (with CLOCK=manual, where POST /admin/clock moved it)',
  })
  now!: string;
  @ApiProperty({ enum: ['ok', 'unreachable'], example: 'ok' }) eventStore!: 'ok' | 'unreachable';
  @ApiProperty({
    enum: ['ok', 'unreachable', 'not_configured'],
    description: 'The read store the views are served from (not_configured: a process without one)',
    example: 'ok',
  })
  readStore!: ReadModelHealthReport['readStore'];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: `Events the slowest projection has still to apply (counted up to ${LAG_COUNTED_UP_TO}); null without a read store, or while some projection has no checkpoint yet (just started)`,
    example: 0,
  })
  projectorLag!: number | null;
  @ApiProperty({
    type: [ProjectionHealthView],
    description: 'Every projection of the read store, started or not: its checkpoint position and lag',
  })
  projections!: ProjectionHealthView[];
}

/** Liveness and readiness (API.md "Queries"); no token needed. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_HEALTH) private readonly readModels: ReadModelHealth,
  ) {}

  @Get()
  @PublicRoute()
  @ApiOperation({ summary: 'Liveness, readiness and which clock runs' })
  @ApiOkResponse({ type: HealthView })
  @ApiResponse({
    status: 503,
    description: 'The event store does not answer (same body, status degraded)',
    type: HealthView,
  })
  async health(@Res({ passthrough: true }) response: ResponseHeaders): Promise<HealthView> {
    let eventStore: HealthView['eventStore'] = 'ok';
    try {
      await this.store.streamRevision('health-probe');
    } catch {
      eventStore = 'unreachable';
    }
    const readModels = await this.readModels.report();
    // Not ready without its event store: a load balancer takes the process out until it answers
    // again. An unreachable read store degrades the views only; commands still work, so 200.
    if (eventStore !== 'ok') response.status(503);
    const healthy = eventStore === 'ok' && readModels.readStore !== 'unreachable';
    return {
      status: healthy ? 'ok' : 'degraded',
      clock: this.clock.mode,
      now: toShanghaiIso(this.clock.now()),
      eventStore,
      readStore: readModels.readStore,
      projectorLag: readModels.projectorLag,
      projections: [...readModels.projections],
    };
  }
}
