/**
 * POST /admin/clock (API.md "Administration"): moves the manual clock, for tests and
 * demonstrations (DESIGN.md "Supervision"). Registered only when the process runs with
 * CLOCK=manual, so with the system clock the route does not exist (404).
 */
import { Body, Controller, HttpCode, Inject, Optional, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Logger } from 'pino';
import type { Actor } from '#domain/actor/actor.js';
import { toShanghaiIso, tryParseInstant, withinInputRange } from '#domain/calendar/index.js';
import { ClockMovedBackwardsError, type ManualClock } from '#infra/clock/clock.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblem } from '../openapi/problem-responses.js';
import { ProblemException, problems, titledProblem } from '../problem/problem-details.js';
import { CLOCK, LOGGER } from '../runtime/runtime-tokens.js';
import { ClockView } from './clock.view.js';
import { SetClockDto } from './set-clock.dto.js';
import { SUPERVISION_TRIGGER, type SupervisionTrigger } from './supervision-trigger.js';

@ApiTags('administration')
@Controller('admin/clock')
export class ManualClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: ManualClock,
    @Optional() @Inject(SUPERVISION_TRIGGER) private readonly supervision: SupervisionTrigger | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Move the manual clock forward (exists only with CLOCK=manual)',
    description:
      'Roles: admin. The manual clock starts at CLOCK_START (or the real time), never before the latest event already stored, and only moves forward. When this process runs supervision, one supervision tick runs before the answer, so the warnings and cards due at the new time are recorded (issue 7).',
  })
  @ApiOkResponse({ type: ClockView })
  @ApiProblems(COMMON_PROBLEMS, [
    documentedProblem(409, 'CLOCK_MOVES_FORWARD_ONLY', 'The manual clock only moves forward.'),
  ])
  async set(@Body() body: SetClockDto, @CurrentActor() actor: Actor): Promise<ClockView> {
    if (actor.role !== 'admin') throw new ProblemException(problems.forbidden('Only admins move the clock.'));
    const to = tryParseInstant(body.now);
    if (to === undefined)
      throw new ProblemException(
        problems.validation('now is not an ISO-8601 instant with an offset.', [
          { field: 'now', message: 'must be an ISO-8601 instant with an offset' },
        ]),
      );
    // T14: the clock stays where every instant it stamps can be read back (2000–2099).
    if (!withinInputRange(to))
      throw new ProblemException(
        titledProblem(422, 'T14_OUT_OF_BOUNDS', 'now must lie between 2000-01-01 and 2099-12-31 (T14).', [
          { field: 'now', message: 'must lie between 2000-01-01 and 2099-12-31 (T14)' },
        ]),
      );
    try {
      this.clock.set(to);
    } catch (error) {
      if (error instanceof ClockMovedBackwardsError)
        throw new ProblemException(
          titledProblem(
            409,
            'CLOCK_MOVES_FORWARD_ONLY',
            `The manual clock is at ${toShanghaiIso(error.current)}; it only moves forward.`,
          ),
        );
      throw error;
    }
    const now = toShanghaiIso(this.clock.now());
    if (!this.supervision) return { clock: 'manual', now };
    try {
      const { due, appended, conflicts } = await this.supervision.tick({ awaitViews: true });
      return { clock: 'manual', now, supervision: { due, appended, conflicts } };
    } catch (error) {
      // The clock has moved; the loop looks again at its next tick.
      this.logger.error({ err: error }, 'the supervision tick after moving the clock failed');
      return { clock: 'manual', now };
    }
  }
}
