/**
 * The views over the projector's read models (issue 6): GET /cases/{id}, /views/overdue,
 * /views/cards, /views/accountability, /views/statistics; and READ_MODEL_HEALTH for GET /health.
 * Imported by the API's module with the read store, the event store and the clock:
 *
 *   ViewsModule.register({ db: runtime.readStoreDb ?? null, store: runtime.store, clock: runtime.clock })
 *
 * The JWT guard and the problem+json filter are the API's (global), so they apply here too.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import { AccountabilityController } from './accountability/accountability.controller.js';
import { CardsController } from './cards/cards.controller.js';
import { CaseScope } from './case-scope.js';
import { CaseViewController } from './case-view/case-view.controller.js';
import { READ_MODEL_HEALTH, ReadModelHealth } from './health/read-model-health.js';
import { OpenCaseViews } from './overdue/open-case-views.js';
import { OverdueController } from './overdue/overdue.controller.js';
import { ReadModelPositions } from './read-model-positions.js';
import { StatisticsController } from './statistics/statistics.controller.js';
import { VIEWS_DEPENDENCIES, type ViewsDependencies } from './views-dependencies.js';
import { WorklistController } from './worklist/worklist.controller.js';

@Module({})
export class ViewsModule {
  static register(deps: ViewsDependencies): DynamicModule {
    return {
      module: ViewsModule,
      controllers: [
        // Without a read store the API's module serves GET /cases/{id} from the events instead.
        ...(deps.db ? [CaseViewController] : []),
        OverdueController,
        WorklistController,
        CardsController,
        AccountabilityController,
        StatisticsController,
      ],
      providers: [
        { provide: VIEWS_DEPENDENCIES, useValue: deps },
        ReadModelPositions,
        CaseScope,
        OpenCaseViews,
        ReadModelHealth,
        { provide: READ_MODEL_HEALTH, useExisting: ReadModelHealth },
      ],
      exports: [READ_MODEL_HEALTH, ReadModelPositions, CaseScope],
    };
  }
}
