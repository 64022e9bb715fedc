import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

/**
 * The client methods this adapter uses, with the client's own types. The store is built on the real
 * `KurrentDBClient`; unit tests inject an object implementing just these (no server runs here).
 */
export type KurrentClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'getStreamMetadata' | 'dispose'
>;
