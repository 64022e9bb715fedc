/**
 * `npm start`: one process, the API on the embedded PGlite event store under DATA_DIR unless
 * EVENT_STORE_URL names another (DESIGN.md "Processes").
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '#infra/config/app-config.js';
import { createApiApplication } from './api-application.js';
import { DOCS_PATH } from './openapi/openapi-document.js';
import { openRuntime } from './runtime/open-runtime.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const runtime = await openRuntime(config);
  const { logger } = runtime;
  if (config.auth.kind === 'secret' && config.auth.devDefault)
    logger.warn('AUTH_JWT_SECRET is unset: using the development secret. Never do this in production.');
  const app = await createApiApplication(runtime);
  await app.listen(config.port, '0.0.0.0');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('0.0.0.0', '127.0.0.1');
  logger.info(
    {
      url,
      clock: config.clock,
      eventStore: config.eventStoreUrl ? 'configured' : `pglite under ${config.dataDir}`,
    },
    'API listening',
  );
  // Printed plainly as well: the first thing a newcomer looks for.
  console.log(
    `API listening on ${url} — Swagger UI: ${url}/${DOCS_PATH} (OpenAPI: ${url}/${DOCS_PATH}-json)`,
  );
  const stop = async (): Promise<void> => {
    await app.close();
    await runtime.store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

await main();
