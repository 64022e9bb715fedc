/**
 * Creates the API application on a runtime: NestJS on Fastify (issue 13: the platform's own cost
 * a request is about a fifth of Express's, bench/api), body limits and parsing errors as problem+json,
 * shape validation, the configuration cache loaded before the first request, and the OpenAPI
 * document at /docs-json with the Swagger UI at /docs. Used by main.ts and by the HTTP tests alike.
 */
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule, type ApiRuntime } from './app.module.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { serveConsole } from './console/console-static.js';
import { AccessLogWriter } from './audit/access-log/access-log.writer.js';
import { personalDataReadings } from './audit/access-log/personal-data-readings.js';
import { parseJsonBodies } from './http/json-body.js';
import { accessLog } from './logging/access-log.middleware.js';
import { NestPinoLogger } from './logging/api-logger.js';
import { setUpOpenApi } from './openapi/openapi-document.js';
import { sendProblem } from './problem/problem-details.filter.js';
import { answerClientError } from './problem/client-errors.js';
import { StrictValidationPipe } from './problem/strict-validation.pipe.js';
import { jsonBodyRequired } from './validation/json-body-required.middleware.js';
import { singleHeaders } from './validation/single-headers.js';
import { bodyTextCheck } from './validation/body-text-check.js';
import { cacheValidationMetadata } from './validation/validation-metadata-cache.js';

export async function createApiApplication(runtime: ApiRuntime): Promise<INestApplication> {
  const { logger } = runtime;
  const adapter = new FastifyAdapter({
    // What Node's HTTP parser refuses is answered as problem+json too (client-errors.ts).
    clientErrorHandler: answerClientError,
    // The router's refusals (a malformed URL) likewise.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(error, request, reply, logger),
    // As the API answered on Express: `/cases/` is `/cases`, and paths match in any case.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(runtime), adapter, {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only, limited (oversized bodies answer 413); strict: the top level is an object or array.
  parseJsonBodies(fastify);
  // Parsing errors and the hooks' refusals reach Fastify's error handler, which Nest sets to its
  // exception filters: ProblemDetailsFilter answers them.
  app.use(accessLog(logger));
  app.use(jsonBodyRequired(logger));
  app.use(singleHeaders(logger));
  // Findings 2 and 8: NUL, unpaired surrogates and deep nesting are refused before validation.
  fastify.addHook('preValidation', bodyTextCheck());
  // U6: auditors' readings of unmasked personal data, queued for the access log.
  fastify.addHook('onSend', personalDataReadings(app.get(AccessLogWriter), runtime.clock));
  // Issue 13: each DTO's rules looked up once, not on every body (bench/api/validation-rules.ts).
  cacheValidationMetadata();
  app.useGlobalPipes(new StrictValidationPipe());
  setUpOpenApi(app);
  serveConsole(app); // the supervision console's pages at /console (issue 18)
  await app.get(ConfigurationCache).start();
  return app;
}
