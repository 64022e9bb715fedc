/**
 * U6: every successful answer that carried unmasked personal data (an auditor's GET /cases/{id},
 * its events or CSV, its state, its dossier; GET /complaints/{complaintId} with the complainant) is
 * queued for the access log. Only auditors see
 * unmasked identifiers (I1), so only their readings are recorded.
 *
 * A Fastify onSend hook, not a Nest interceptor: one global interceptor makes Nest run every
 * request, commands included, through an RxJS pipeline (about 3 % of the API's CPU a command in
 * the bench:api profile, issue 13) for five GET routes. The reading is queued when the answer is
 * sent with a success status (the handler answered; a refusal is a problem, >= 400), before it
 * leaves, so a client that has the answer finds the reading queued.
 */
import type { Clock } from '#infra/clock/clock.js';
import type { AuthenticatedRequest } from '../../auth/authenticated-request.js';
import { seesPersonalData } from '../personal-data.js';
import type { AccessLogWriter } from './access-log.writer.js';

/**
 * Route patterns that answer unmasked personal data, their names in API.md and the route
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
  readonly routeOptions?: { readonly url?: string };
  readonly params?: unknown;
  readonly query?: unknown;
  readonly headers: Record<string, string | string[] | undefined>;
}

export function personalDataReadings(
  writer: AccessLogWriter,
  clock: Clock,
): (
  request: RoutedRequest,
  reply: { readonly statusCode: number },
  payload: unknown,
  done: () => void,
) => void {
  return (request, reply, _payload, done) => {
    if (request.method === 'GET' && reply.statusCode < 400) recordReading(request, writer, clock);
    done();
  };
}

function recordReading(request: RoutedRequest, writer: AccessLogWriter, clock: Clock): void {
  const path = request.routeOptions?.url;
  const read = typeof path === 'string' ? ROUTES[path] : undefined;
  const reader = request.actor;
  const caseId = read === undefined ? undefined : textOf(request.params, read.param);
  if (read === undefined || reader === undefined || caseId === undefined || !seesPersonalData(reader)) return;
  writer.record(reader, clock.now(), { caseId, route: read.route, format: formatOf(request) });
}

function formatOf(request: RoutedRequest): string {
  const format = textOf(request.query, 'format');
  if (format === 'csv' || format === 'html') return format;
  const accept = request.headers.accept;
  return typeof accept === 'string' &&
    /\btext\/html\b/.test(accept) &&
    request.routeOptions?.url === '/cases/:id/dossier'
    ? 'html'
    : 'json';
}

/** A string field of the parsed params or query, if it is one. */
function textOf(record: unknown, field: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value: unknown = Object.entries(record).find(([key]) => key === field)?.[1];
  return typeof value === 'string' ? value : undefined;
}
