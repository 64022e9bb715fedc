import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsSchema } from './recorded-event.schema.js';

export const DOCS_PATH = 'docs';

/** The OpenAPI document at /docs-json and the Swagger UI at /docs (API.md, DESIGN.md "HTTP API"). */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('政务服务中心办件 API')
    .setDescription(
      'Event-sourced case records of a government service center (政务服务中心). Every command is recorded as ' +
        'events; errors are application/problem+json with the rule code (DOMAIN.md ids), a Chinese title and an English detail.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsSchema] });
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
}
