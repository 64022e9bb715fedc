/** The part of body-parser 2's API the JSON body parser uses (the package ships no types). */
declare module 'body-parser' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface JsonOptions {
    limit?: number;
    strict?: boolean;
    type?: string | readonly string[];
  }
  export type Middleware = (
    request: IncomingMessage & { body?: unknown },
    response: ServerResponse | undefined,
    next: (error?: unknown) => void,
  ) => void;
  export function json(options?: JsonOptions): Middleware;
}
