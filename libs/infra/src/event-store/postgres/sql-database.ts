/**
 * What the PostgreSQL event store needs from a database, met by a `pg` pool on a server
 * (`pg-pool-database.ts`) and by embedded PGlite (`pglite-database.ts`), so both run the same SQL
 * through the same code.
 */
export interface SqlQueryable {
  /**
   * `statementName` (for a hot statement whose text never changes) lets a server connection parse
   * and plan it once; drivers without named statements ignore it.
   */
  query<Row extends object>(
    text: string,
    params?: readonly unknown[],
    statementName?: string,
  ): Promise<Row[]>;
}

export interface SqlTransaction extends SqlQueryable {
  /** Runs several statements without parameters (a migration script). */
  execScript(sql: string): Promise<void>;
}

export type StopListening = () => Promise<void>;

export interface SqlDatabase extends SqlQueryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` between BEGIN and COMMIT on one connection (ROLLBACK when it throws). */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a connection of its own, calling `onNotification` with the payload of each NOTIFY on `channel` and
   * `onLost` if that connection fails. Absent where no other process can write (PGlite).
   */
  readonly listen?: (
    channel: string,
    onNotification: (payload: string) => void,
    onLost: () => void,
  ) => Promise<StopListening>;
  /** NOTIFY `channel` from outside any transaction. Absent with `listen`. */
  readonly notify?: (channel: string, payload: string) => Promise<void>;
  close(): Promise<void>;
}

export interface SqlErrorInfo {
  readonly code?: string;
  readonly constraint?: string;
}

/** The SQLSTATE and constraint of a database error, from either driver (both copy PostgreSQL's fields). */
export function sqlErrorInfo(error: unknown): SqlErrorInfo {
  if (typeof error !== 'object' || error === null) return {};
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    constraint: typeof constraint === 'string' ? constraint : undefined,
  };
}
