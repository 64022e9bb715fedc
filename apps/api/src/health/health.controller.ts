import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { PublicRoute } from '../auth/public-route.decorator.js';
import type { ResponseHeaders } from '../command-pipeline/answer-response.js';
import { CLOCK, EVENT_STORE } from '../runtime/runtime-tokens.js';

export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok' }) status!: 'ok' | 'degraded';
  @ApiProperty({ enum: ['system', 'manual'], example: 'system' }) clock!: 'system' | 'manual';
  @ApiProperty({ enum: ['ok', 'unreachable'], example: 'ok' }) eventStore!: 'ok' | 'unreachable';
  @ApiProperty({ description: 'The read store arrives with the projector', example: 'not_configured' })
  readStore!: 'not_configured';
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Events the projector is behind; null until it exists',
    example: null,
  })
  projectorLag!: number | null;
}

/** Liveness and readiness (API.md "Queries"); no token needed. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
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
    // Not ready without its store: a load balancer takes the process out until it answers again.
    if (eventStore !== 'ok') response.status(503);
    return {
      status: eventStore === 'ok' ? 'ok' : 'degraded',
      clock: this.clock.mode,
      eventStore,
      readStore: 'not_configured',
      projectorLag: null,
    };
  }
}
