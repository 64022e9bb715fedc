/**
 * Serves the supervision console at /console (issue 18) from the API's own process and origin: no
 * second server, no CORS. These are pages, not API routes: they carry no data and need no token
 * (the pages call the documented API with the token the user signs in with). Outside Nest's
 * router, like the body parser, so the OpenAPI document lists only the API.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ConsoleFiles } from './console-files.js';

export const CONSOLE_PATH = '/console';

/** The inline import map is the page's only inline script: the policy allows exactly it, by hash. */
function contentSecurityPolicy(html: string): string {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(importMap).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    // The dossier page (API HTML with its own <style>) is shown in a sandboxed srcdoc frame.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' about: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** A request under a mounted middleware (middie, as Express did): the path below the mount point
 * in `url`, the whole one in `originalUrl`. */
type MountedRequest = IncomingMessage & { readonly originalUrl?: string };

export function serveConsole(app: INestApplication): void {
  const files = new ConsoleFiles();
  app.use(CONSOLE_PATH, (request: MountedRequest, response: ServerResponse, next: () => void) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const url = new URL(request.url ?? '/', 'http://console');
    // /console (no slash): relative module URLs resolve against /console/.
    if (url.pathname === '/' && request.originalUrl === CONSOLE_PATH) {
      response.writeHead(301, { Location: `${CONSOLE_PATH}/` }).end();
      return;
    }
    const file = files.resolve(url.pathname);
    if (!file) return next();
    readFile(file.path).then(
      (body) => {
        response.setHeader('Content-Type', file.contentType);
        response.setHeader('Cache-Control', 'no-cache');
        response.setHeader('X-Content-Type-Options', 'nosniff');
        response.setHeader('Referrer-Policy', 'no-referrer');
        if (file.contentType.startsWith('text/html'))
          response.setHeader('Content-Security-Policy', contentSecurityPolicy(body.toString('utf8')));
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      // Not built yet (dist/console missing): the API's own 404.
      () => next(),
    );
  });
}
