/** API.md "Lists" for the views: `limit` (default 50, max 500) as the rest of the API reads it. */
import { readPageRequest } from '../cases/queries/list-page.js';

export function pageLimit(limit: unknown): number {
  return readPageRequest(limit, undefined).limit;
}
