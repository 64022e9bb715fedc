/**
 * Creates the API application on a runtime: body limits and parsing errors as problem+json, shape
 * validation, the configuration cache loaded before the first request, and the OpenAPI document at
 * /docs-json with the Swagger UI at /docs. Used by main.ts and by the HTTP tests alike.
 */
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type ApiRuntime } from './app.module.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { serveConsole } from './console/console-static.js';
import { AccessLogWriter } from './audit/access-log/access-log.writer.js';
import { personalDataReadings } from './audit/access-log/personal-data-readings.js';
import { accessLog } from './logging/access-log.middleware.js';
import { NestPinoLogger } from './logging/api-logger.js';
import { setUpOpenApi } from './openapi/openapi-document.js';
import { sendProblem } from './problem/problem-details.filter.js';
import { answerClientErrors } from './problem/client-errors.js';
import { MAX_BODY_BYTES } from './problem/problem-of-exception.js';
import { StrictValidationPipe } from './problem/strict-validation.pipe.js';
import { jsonBodyRequired } from './validation/json-body-required.middleware.js';
import { singleHeaders } from './validation/single-headers.js';
import { bodyTextCheck } from './validation/body-text-check.js';
import { cacheValidationMetadata } from './validation/validation-metadata-cache.js';

export async function createApiApplication(runtime: ApiRuntime): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    bodyParser: false,
    logger: new NestPinoLogger(runtime.logger),
  });
  app.disable('x-powered-by');
  // What Node's HTTP parser refuses is answered as problem+json too (client-errors.ts).
  answerClientErrors(app.getHttpServer());
  app.use(accessLog(runtime.logger));
  // U6: auditors' readings of unmasked personal data, queued for the access log.
  app.use(personalDataReadings(app.get(AccessLogWriter), runtime.clock));
  // JSON only, limited (oversized bodies answer 413); strict: the top level is an object or array.
  app.useBodyParser('json', {
    limit: MAX_BODY_BYTES,
    strict: true,
    type: ['application/json', 'application/*+json'],
  });
  app.use(jsonBodyRequired(runtime.logger));
  app.use(singleHeaders());
  // Findings 2 and 8: NUL, unpaired surrogates and deep nesting are refused before validation.
  app.use(bodyTextCheck());
  // Errors raised by the body parser happen before Nest's router: answer them as problems too.
  app.use((error: unknown, request: never, response: never, next: (e?: unknown) => void) => {
    if (!error) return next();
    sendProblem(error, request, response, runtime.logger);
  });
  // Issue 13: each DTO's rules looked up once, not on every body (bench/api/validation-rules.ts).
  cacheValidationMetadata();
  app.useGlobalPipes(new StrictValidationPipe());
  setUpOpenApi(app);
  serveConsole(app); // the supervision console's pages at /console (issue 18)
  await app.get(ConfigurationCache).start();
  return app;
}
