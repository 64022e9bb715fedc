/**
 * U6: every successful answer that carried unmasked personal data (an auditor's GET /cases/{id},
 * its events or CSV, its state, its dossier) is queued for the access log. Only auditors see
 * unmasked identifiers (I1), so only their readings are recorded.
 */
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import type { Clock } from '#infra/clock/clock.js';
import type { AuthenticatedRequest } from '../../auth/authenticated-request.js';
import { CLOCK } from '../../runtime/runtime-tokens.js';
import { seesPersonalData } from '../personal-data.js';
import { AccessLogWriter } from './access-log.writer.js';

/** Express route patterns that answer a case's unmasked identifiers, and their names in API.md. */
const ROUTES: Readonly<Record<string, string>> = {
  '/cases/:id': 'GET /cases/{id}',
  '/cases/:id/events': 'GET /cases/{id}/events',
  '/cases/:id/state': 'GET /cases/{id}/state',
  '/cases/:id/dossier': 'GET /cases/{id}/dossier',
};

interface RoutedRequest extends AuthenticatedRequest {
  readonly method: string;
  readonly route?: { readonly path?: unknown };
  readonly params?: Record<string, string | undefined>;
  readonly query?: Record<string, unknown>;
  readonly headers: Record<string, string | string[] | undefined>;
}

@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly writer: AccessLogWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const path = request.route?.path;
    const route = request.method === 'GET' && typeof path === 'string' ? ROUTES[path] : undefined;
    const reader = request.actor;
    const caseId = request.params?.id;
    if (route === undefined || reader === undefined || caseId === undefined || !seesPersonalData(reader))
      return next.handle();
    return next
      .handle()
      .pipe(
        tap(() => this.writer.record(reader, this.clock.now(), { caseId, route, format: formatOf(request) })),
      );
  }
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
