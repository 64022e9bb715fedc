/**
 * The scheduled sealer (U7: "at a fixed interval, default hourly"): every SEAL_INTERVAL_MS this
 * process seals the store unless a seal younger than half the interval exists, so several API
 * processes on one store seal about once per interval between them. 0 turns it off.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '#infra/config/app-config.js';
import { APP_CONFIG, LOGGER } from '../../runtime/runtime-tokens.js';
import { SEALER_ACTOR, SealsService } from './seals.service.js';

@Injectable()
export class SealSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly seals: SealsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.sealIntervalMs ?? 0;
    if (interval <= 0 || !this.seals.supported) return;
    this.timer = setInterval(() => {
      this.running ??= this.tick(interval).finally(() => {
        this.running = undefined;
      });
    }, interval);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(interval: number): Promise<void> {
    try {
      const seal = await this.seals.seal(SEALER_ACTOR, { unlessSealedWithinMs: interval / 2 });
      if (seal)
        this.logger.info({ sealNo: seal.sealNo, changedStreams: seal.changedStreams }, 'U7: store sealed');
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'U7: scheduled seal failed');
    }
  }
}
