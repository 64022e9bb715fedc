/**
 * Opens what the API runs on from its configuration: the event store the URL names (embedded PGlite
 * under DATA_DIR when unset), the clock port, the token verifier and the logger.
 */
import { createTokenVerifier } from '#infra/auth/token-verifier.js';
import { createClock, ManualClock } from '#infra/clock/clock.js';
import { manualClockStart } from '#infra/clock/manual-clock-start.js';
import type { AppConfig } from '#infra/config/app-config.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { protectPersonalData } from '#infra/personal-data/protect-personal-data.js';
import type { ApiRuntime } from '../app.module.js';
import { createApiLogger } from '../logging/api-logger.js';

export async function openRuntime(
  config: AppConfig,
  overrides: Partial<ApiRuntime> = {},
): Promise<ApiRuntime> {
  const logger = overrides.logger ?? createApiLogger(config.logLevel);
  const clock = overrides.clock ?? createClock(config.clock, config.clockStart);
  // recordedAt follows the clock port, so a manual clock keeps recording and business time together (U2).
  const opened =
    overrides.store ??
    (await createEventStore(config.eventStoreUrl, {
      dataDir: config.dataDir,
      clock: () => new Date(clock.now()),
    }));
  // I2: identifiers encrypted under a data key of their case (SQL stores), decrypted for the API.
  const store = protectPersonalData(opened, config);
  if (overrides.clock === undefined && clock instanceof ManualClock) {
    // CLOCK_START or now, but never behind what the store already recorded (after a restart).
    const start = await manualClockStart(opened, config.clockStart, clock.now());
    clock.set(start.at);
    logger.info({ now: new Date(start.at).toISOString(), from: start.source }, 'the manual clock starts');
  }
  return { config, store, clock, verifier: overrides.verifier ?? createTokenVerifier(config.auth), logger };
}
