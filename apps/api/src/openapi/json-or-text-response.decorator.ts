/**
 * OpenAPI of a read that answers JSON by default and the same content as text when asked
 * (`?format=` or Accept): the case's events as CSV, the dossier as a printable HTML page.
 */
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';

export interface JsonOrTextResponseOptions {
  readonly description: string;
  /** The documentation class of the JSON answer. */
  readonly json: Type;
  readonly text: { readonly mediaType: 'text/csv' | 'text/html'; readonly example: string };
}

export function ApiJsonOrTextResponse({ description, json, text }: JsonOrTextResponseOptions) {
  return applyDecorators(
    ApiProduces('application/json', text.mediaType),
    ApiExtraModels(json),
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(json) } },
        [text.mediaType]: { schema: { type: 'string' }, example: text.example },
      },
    }),
  );
}
