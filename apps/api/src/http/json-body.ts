/**
 * The JSON body parser: body-parser's, as the API has always parsed (limit, strict top level,
 * `application/json` and `application/*+json`, UTF-8 only, gzip/deflate/br inflated), run as
 * Fastify's one content-type parser, so every refusal keeps its body-parser error type and its
 * problem (problem-of-exception.ts). Other content types never reach it: a body sent as anything
 * but JSON is refused before parsing (json-body-required.middleware.ts).
 */
import type { IncomingMessage } from 'node:http';
import { json } from 'body-parser';
import type { FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../problem/problem-of-exception.js';

export function parseJsonBodies(fastify: FastifyInstance): void {
  const parse = json({
    limit: MAX_BODY_BYTES,
    strict: true,
    type: ['application/json', 'application/*+json'],
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, payload: IncomingMessage & { body?: unknown }, done) => {
    parse(payload, undefined, (error) => done(error instanceof Error ? error : null, payload.body));
  });
}
