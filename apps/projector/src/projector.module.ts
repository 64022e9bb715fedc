/**
 * The projector as a Nest module, for a process that composes it with others (`npm start` runs the
 * API, the projector and supervision in one process): it starts on bootstrap and stops on
 * shutdown. `startProjector` does the same without Nest.
 */
import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { startProjector, type RunningProjector, type StartProjectorOptions } from './start-projector.js';

export const RUNNING_PROJECTOR = Symbol('RUNNING_PROJECTOR');

export interface ProjectorModuleDependencies {
  readonly store: EventStore;
  readonly db: Db;
  readonly options?: StartProjectorOptions;
}

class ProjectorLifecycle implements OnApplicationShutdown {
  constructor(@Inject(RUNNING_PROJECTOR) private readonly projector: RunningProjector) {}

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }
}

@Module({})
export class ProjectorModule {
  static register(deps: ProjectorModuleDependencies): DynamicModule {
    return {
      module: ProjectorModule,
      providers: [
        { provide: RUNNING_PROJECTOR, useFactory: () => startProjector(deps.store, deps.db, deps.options) },
        ProjectorLifecycle,
      ],
      exports: [RUNNING_PROJECTOR],
    };
  }
}
