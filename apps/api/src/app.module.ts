/**
 * The API's module, built from a runtime (configuration, event store, clock, token verifier,
 * logger) so that `main.ts` and the tests start the same application on any store and clock.
 */
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { TokenVerifier } from '#infra/auth/token-verifier.js';
import type { Clock } from '#infra/clock/clock.js';
import type { AppConfig } from '#infra/config/app-config.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { AdminCommandHandler } from './admin/admin-command.js';
import { ALERT_HEARTBEAT_MS, DEFAULT_ALERT_HEARTBEAT_MS } from './alerts/alert-heartbeat.js';
import { ALERT_CONTROLLERS, ALERT_PROVIDERS } from './alerts/alerts.providers.js';
import { AUDIT_CONTROLLERS, AUDIT_PROVIDERS } from './audit/audit.providers.js';
import { AUDIT_READ_STORE } from './audit/backdated/audit-read-store.js';
import { CalendarController } from './admin/calendar/calendar.controller.js';
import { NotificationSubscriptionsController } from './admin/notifications/notification-subscriptions.controller.js';
import { NotificationsController } from './admin/notifications/notifications.controller.js';
import { CentersController } from './admin/centers/centers.controller.js';
import { MattersController } from './admin/matters/matters.controller.js';
import { PolicyController } from './admin/policy/policy.controller.js';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { CaseCommandsController } from './cases/case-commands.controller.js';
import { CaseFromEventsController } from './cases/case-from-events.controller.js';
import { CaseQueriesController } from './cases/case-queries.controller.js';
import { CaseStepHandler } from './cases/commands/case-step.command.js';
import { CASE_QUERY_HANDLERS } from './cases/queries/read-case-query.handlers.js';
import { ManualClockController } from './clock/manual-clock.controller.js';
import { SUPERVISION_TRIGGER, type SupervisionTrigger } from './clock/supervision-trigger.js';
import { StreamCache } from '#infra/command-handling/stream-cache.js';
import { StreamWriter } from './command-pipeline/stream-writer.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { DevLoginController } from './console/dev-login/dev-login.controller.js';
import { HealthController } from './health/health.controller.js';
import { ProblemsController } from './problem/pages/problems.controller.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { APP_CONFIG, CLOCK, EVENT_STORE, LOGGER, TOKEN_VERIFIER } from './runtime/runtime-tokens.js';
import { ViewsModule } from './views/views.module.js';
import { CASEWORK_CONTROLLERS, CASEWORK_PROVIDERS } from './casework.providers.js';

export interface ApiRuntime {
  readonly config: AppConfig;
  readonly store: EventStore;
  readonly clock: Clock;
  readonly verifier: TokenVerifier;
  readonly logger: Logger;
  /** The supervision loop of this process, if it runs one: ticked after POST /admin/clock. */
  readonly supervision?: SupervisionTrigger;
  /** Heartbeat of GET /alerts/stream; default 15 s. */
  readonly alertHeartbeatMs?: number;
  /**
   * The read store's database the projector writes: GET /cases/{id}, the /views/* queries and the
   * audit views read it. Without one, those views answer 503 and GET /cases/{id} is rebuilt from
   * the case's events (the command-side test suites); GET /health says `readStore: not_configured`.
   */
  readonly readStoreDb?: Db;
  /** How long a query with `minPosition` waits for the projector; API.md: 5 s. */
  readonly projectionWaitMs?: number;
}

@Module({})
export class AppModule {
  static register(runtime: ApiRuntime): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: runtime.config },
      { provide: EVENT_STORE, useValue: runtime.store },
      { provide: CLOCK, useValue: runtime.clock },
      { provide: TOKEN_VERIFIER, useValue: runtime.verifier },
      { provide: LOGGER, useValue: runtime.logger },
      { provide: SUPERVISION_TRIGGER, useValue: runtime.supervision ?? null },
      { provide: AUDIT_READ_STORE, useValue: runtime.readStoreDb ?? null },
      { provide: ALERT_HEARTBEAT_MS, useValue: runtime.alertHeartbeatMs ?? DEFAULT_ALERT_HEARTBEAT_MS },
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      StreamCache,
      StreamWriter,
      {
        provide: ConfigurationCache,
        useFactory: (store: EventStore, logger: Logger, config: AppConfig) =>
          new ConfigurationCache(store, logger, config.configurationPollMs),
        inject: [EVENT_STORE, LOGGER, APP_CONFIG],
      },
      AdminCommandHandler,
      CaseStepHandler,
      ...CASE_QUERY_HANDLERS,
      ...ALERT_PROVIDERS,
      ...AUDIT_PROVIDERS,
      ...CASEWORK_PROVIDERS,
    ];
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        ViewsModule.register({
          db: runtime.readStoreDb ?? null,
          store: runtime.store,
          clock: runtime.clock,
          logger: runtime.logger,
          ...(runtime.projectionWaitMs !== undefined && { projectionWaitMs: runtime.projectionWaitMs }),
        }),
      ],
      controllers: [
        HealthController,
        ProblemsController,
        CaseCommandsController,
        CaseQueriesController,
        ...(runtime.readStoreDb ? [] : [CaseFromEventsController]),
        CentersController,
        MattersController,
        CalendarController,
        PolicyController,
        NotificationSubscriptionsController,
        NotificationsController,
        ...ALERT_CONTROLLERS,
        ...AUDIT_CONTROLLERS,
        DevLoginController, // the console's development sign-in (issue 18)
        ...CASEWORK_CONTROLLERS,
        // The manual clock's route exists only in that mode (API.md: 404 otherwise).
        ...(runtime.clock.mode === 'manual' ? [ManualClockController] : []),
      ],
      providers,
    };
  }
}
