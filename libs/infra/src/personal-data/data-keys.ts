import type { BesideRow } from '../event-store/postgres/postgres-event-store.js';
import type { SqlDatabase } from '../event-store/postgres/sql-database.js';
import { decrypt, encrypt, newDataKey } from './identifier-cipher.js';

/**
 * I2: the data key of each case or complaint stream, in `es_data_keys` beside the events and never
 * in them, wrapped (AES-256-GCM) under the master key. Erasing a stream's personal data destroys its key:
 * the row keeps only when and on what legal basis it was erased. A case whose events predate I2
 * has no key; erasing it leaves an erased row all the same, so its plain identifiers read as erased.
 *
 * Keys are cached in this process (they never change; an erasure here forgets its key at once).
 * Another process's erasure is seen within CACHE_MS.
 */
export type DataKeyState =
  | { readonly kind: 'key'; readonly key: Buffer }
  | { readonly kind: 'erased'; readonly erasedAt: string; readonly legalBasis: string }
  | { readonly kind: 'none' };

const CACHE_MS = 5_000;

export class DataKeys {
  private readonly cache = new Map<string, { state: DataKeyState; until: number }>();

  constructor(
    private readonly db: SqlDatabase,
    private readonly masterKey: Buffer,
  ) {}

  async state(streamId: string): Promise<DataKeyState> {
    const cached = this.cache.get(streamId);
    if (cached && cached.until > Date.now()) return cached.state;
    const [row] = await this.db.query<{
      wrapped_key: string | null;
      erased_at: string | null;
      legal_basis: string | null;
    }>(
      `SELECT wrapped_key, to_char(erased_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+08:00"') AS erased_at,
              legal_basis FROM es_data_keys WHERE stream_id = $1`,
      [streamId],
    );
    const state = this.fromRow(streamId, row);
    this.cache.set(streamId, { state, until: Date.now() + CACHE_MS });
    return state;
  }

  /**
   * The case's key, made on its first identifier; `erased` when its personal data was erased.
   * A new case costs one statement: the insert, which also tells whether a key existed.
   */
  async keyFor(streamId: string): Promise<DataKeyState> {
    const cached = this.cache.get(streamId);
    if (cached && cached.until > Date.now() && cached.state.kind !== 'none') return cached.state;
    const key = newDataKey();
    const made = await this.db.query<{ stream_id: string }>(
      `INSERT INTO es_data_keys (stream_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (stream_id) DO NOTHING
       RETURNING stream_id`,
      [streamId, encrypt(this.masterKey, key.toString('base64'), streamId)],
    );
    if (made.length === 0) {
      this.cache.delete(streamId);
      return this.state(streamId);
    }
    const state: DataKeyState = { kind: 'key', key };
    this.cache.set(streamId, { state, until: Date.now() + CACHE_MS });
    return state;
  }

  /**
   * A new key for a case that has none yet, to be inserted beside the case's first event in one
   * statement (one commit for both); the row is written only where no key exists yet.
   */
  fresh(streamId: string): { readonly key: Buffer; readonly row: BesideRow; remember(): void } {
    const key = newDataKey();
    const wrapped = encrypt(this.masterKey, key.toString('base64'), streamId);
    return {
      key,
      row: {
        statementName: 'es_append_with_data_key',
        sql: (param) =>
          `INSERT INTO es_data_keys (stream_id, wrapped_key) VALUES (${param(streamId)}, ${param(wrapped)})
           ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id`,
      },
      remember: () => this.cache.set(streamId, { state: { kind: 'key', key }, until: Date.now() + CACHE_MS }),
    };
  }

  /** Destroys the case's key (I2), recording when and why; erasing again changes nothing. */
  async erase(streamId: string, legalBasis: string): Promise<void> {
    await this.db.query(
      `INSERT INTO es_data_keys AS k (stream_id, wrapped_key, erased_at, legal_basis) VALUES ($1, NULL, now(), $2)
       ON CONFLICT (stream_id) DO UPDATE SET wrapped_key = NULL, erased_at = COALESCE(k.erased_at, now()),
         legal_basis = COALESCE(k.legal_basis, excluded.legal_basis)`,
      [streamId, legalBasis],
    );
    this.cache.delete(streamId);
  }

  private fromRow(
    streamId: string,
    row: { wrapped_key: string | null; erased_at: string | null; legal_basis: string | null } | undefined,
  ): DataKeyState {
    if (row === undefined) return { kind: 'none' };
    if (row.erased_at !== null || row.wrapped_key === null)
      return { kind: 'erased', erasedAt: row.erased_at ?? '', legalBasis: row.legal_basis ?? '' };
    const plain = decrypt(this.masterKey, row.wrapped_key, streamId);
    if (plain === undefined)
      throw new Error(`I2: the data key of ${streamId} does not open under this DATA_KEY_SECRET`);
    return { kind: 'key', key: Buffer.from(plain, 'base64') };
  }
}
