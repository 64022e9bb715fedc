/**
 * Where the local FerretDB binary is (DESIGN.md "Read models": unset MONGODB_URI starts a local
 * FerretDB): FERRETDB_BIN when set, else `.tools/bin/ferretdb` under the working directory, where
 * scripts/ensure-ferretdb.sh installs it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export class FerretDbNotInstalled extends Error {
  override readonly name = 'FerretDbNotInstalled';
  readonly code = 'FERRETDB_NOT_INSTALLED' as const;
  constructor(readonly path: string) {
    super(
      `No FerretDB binary at ${path}. Run scripts/ensure-ferretdb.sh (it needs Go to build FerretDB once), ` +
        `or set MONGODB_URI to a MongoDB or FerretDB server, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/gov_service_cases.`,
    );
  }
}

export function ferretDbBinary(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const path = env.FERRETDB_BIN?.trim() || resolve('.tools/bin/ferretdb');
  if (!existsSync(path)) throw new FerretDbNotInstalled(path);
  return path;
}
