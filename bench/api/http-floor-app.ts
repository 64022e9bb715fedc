/**
 * The HTTP floor of `npm run bench:api` (issue 13): a Nest application that answers the bench's four
 * routes as the API does (201 with a case id, 200 with a body) and does nothing else: no token,
 * validation, store or audit. Its rate under the same load is the most any API on this framework
 * could answer on this machine, so the bench can say how much of the gap to the store-only rate is
 * the framework's. FLOOR_PLATFORM says on which HTTP platform: `express` (the default; the API's
 * until issue 13 moved it) or `fastify` (@nestjs/platform-fastify, the API's since), so one run
 * measures what the platform itself costs. Run as its own process, as the API is:
 * `node http-floor-app.js` with PORT set.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

@Controller()
class FloorController {
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Post('cases/inquiries')
  @HttpCode(201)
  register(@Body() body: unknown): { caseId: string; received: boolean } {
    return { caseId: randomUUID(), received: body !== undefined };
  }

  @Post('cases/:caseId/:step')
  @HttpCode(200)
  step(@Param('caseId') caseId: string, @Param('step') step: string): { caseId: string; step: string } {
    return { caseId, step };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

const app =
  process.env.FLOOR_PLATFORM === 'fastify'
    ? await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: ['error'] })
    : await NestFactory.create(FloorModule, { logger: ['error'] });
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT), '127.0.0.1');
