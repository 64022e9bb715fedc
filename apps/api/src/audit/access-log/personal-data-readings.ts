/**
 * U6: every successful answer that carried unmasked personal data (an auditor's GET /cases/{id},
 * its events or CSV, its state, its dossier; GET /complaints/{complaintId} with the complainant) is
 * queued for the access log. Only auditors see
 * unmasked identifiers (I1), so only their readings are recorded.
 *
 * An Express hook on the answer's `end`, not a Nest interceptor: one global interceptor makes Nest
 * run every request, commands included, through an RxJS pipeline (about 3 % of the API's CPU a
 * command in the bench:api profile, issue 13) for five GET routes. The reading is queued when the
 * answer is sent with a success status (the handler answered; a refusal is a problem, >= 400),
 * before it leaves, so a client that has the answer finds the reading queued.
 */
import type { Clock } from '#infra/clock/clock.js';
import type { AuthenticatedRequest } from '../../auth/authenticated-request.js';
import { seesPersonalData } from '../personal-data.js';
import type { AccessLogWriter } from './access-log.writer.js';

/**
 * Express route patterns that answer unmasked personal data, their names in API.md and the route
 * parameter naming what was read: a case's applicant, or a complaint's complainant (P1), whose
 * receipt number then stands where a case id would.
 */
const ROUTES: Readonly<Record<string, { readonly route: string; readonly param: string }>> = {
  '/cases/:id': { route: 'GET /cases/{id}', param: 'id' },
  '/cases/:id/events': { route: 'GET /cases/{id}/events', param: 'id' },
  '/cases/:id/state': { route: 'GET /cases/{id}/state', param: 'id' },
  '/cases/:id/dossier': { route: 'GET /cases/{id}/dossier', param: 'id' },
  '/complaints/:complaintId': { route: 'GET /complaints/{complaintId}', param: 'complaintId' },
};

interface RoutedRequest extends AuthenticatedRequest {
  readonly method: string;
  readonly route?: { readonly path?: unknown };
  readonly params?: Record<string, string | undefined>;
  readonly query?: Record<string, unknown>;
  readonly headers: Record<string, string | string[] | undefined>;
}

interface EndingResponse {
  readonly statusCode: number;
  end: (...args: never[]) => unknown;
}

export function personalDataReadings(
  writer: AccessLogWriter,
  clock: Clock,
): (request: RoutedRequest, response: EndingResponse, next: () => void) => void {
  return (request, response, next) => {
    if (request.method === 'GET') {
      const end = response.end;
      response.end = (...args) => {
        if (response.statusCode < 400) recordReading(request, writer, clock);
        return end.apply(response, args);
      };
    }
    next();
  };
}

function recordReading(request: RoutedRequest, writer: AccessLogWriter, clock: Clock): void {
  const path = request.route?.path;
  const read = typeof path === 'string' ? ROUTES[path] : undefined;
  const reader = request.actor;
  const caseId = read === undefined ? undefined : request.params?.[read.param];
  if (read === undefined || reader === undefined || caseId === undefined || !seesPersonalData(reader)) return;
  writer.record(reader, clock.now(), { caseId, route: read.route, format: formatOf(request) });
}

function formatOf(request: RoutedRequest): string {
  const format = request.query?.format;
  if (format === 'csv' || format === 'html') return format;
  const accept = request.headers.accept;
  return typeof accept === 'string' &&
    /\btext\/html\b/.test(accept) &&
    request.route?.path === '/cases/:id/dossier'
    ? 'html'
    : 'json';
}
