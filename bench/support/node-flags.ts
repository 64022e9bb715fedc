/**
 * The node flags production runs with, from package.json's `config`: `nodeFlags` for the API and
 * projector processes (`scripts/start`, `npm start`, `start:api`, `start:projector`) and
 * `rebuildNodeFlags` for `npm run rebuild`. A bench that starts one of them in a process of its
 * own passes the same, so it measures what production runs.
 */
import { readFileSync } from 'node:fs';

export function productionNodeFlags(processKind: 'api' | 'rebuild'): string[] {
  const key = processKind === 'api' ? 'nodeFlags' : 'rebuildNodeFlags';
  // Read from dist/bench/support/: the package file is three levels up.
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  const config = typeof pkg === 'object' && pkg !== null && 'config' in pkg ? pkg.config : undefined;
  const flags =
    typeof config === 'object' && config !== null && key in config ? Reflect.get(config, key) : undefined;
  if (typeof flags !== 'string') throw new Error(`package.json has no config.${key} string`);
  return flags.split(' ').filter(Boolean);
}

/** Production's flags for the process, then those the bench's environment variable adds (last, so they win). */
export function benchNodeFlags(processKind: 'api' | 'rebuild'): string[] {
  const extra = process.env[processKind === 'api' ? 'BENCH_API_NODE_ARGS' : 'BENCH_REBUILD_NODE_ARGS'];
  return [...productionNodeFlags(processKind), ...(extra?.split(' ').filter(Boolean) ?? [])];
}
