/**
 * The local FerretDB build in a suite of its own (not MONGODB_TEST_URL's: these suites test this
 * build), on a temporary folder, restarted on the same files to see what survives a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, MongoServerError, type MongoClientOptions } from 'mongodb';
import { startLocalFerretDb, type LocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';

/** The code of a MongoDB server error (11000 duplicate key, 48 NamespaceExists …), else undefined. */
export const mongoCodeOf = (error: unknown): number | undefined =>
  error instanceof MongoServerError ? Number(error.code) : undefined;

export class OwnFerretDb {
  private running: { readonly server: LocalFerretDb; readonly client: MongoClient } | undefined;

  private constructor(
    private readonly dir: string,
    private readonly clientOptions: MongoClientOptions,
  ) {}

  /** A fresh folder `<prefix><random>`; no server yet (`start`). */
  static async inTemporaryFolder(
    prefix: string,
    clientOptions: MongoClientOptions = {},
  ): Promise<OwnFerretDb> {
    return new OwnFerretDb(await mkdtemp(join(tmpdir(), prefix)), clientOptions);
  }

  /** Starts FerretDB on the folder and connects to it. */
  async start(): Promise<MongoClient> {
    const server = await startLocalFerretDb({ dataDir: this.dir, reuseRunning: false });
    const client = await MongoClient.connect(server.uri, this.clientOptions);
    this.running = { server, client };
    return client;
  }

  /** The client of the running server. */
  get client(): MongoClient {
    if (this.running === undefined) throw new Error('FerretDB is not running: start it first');
    return this.running.client;
  }

  /** Disconnects, stops the server and starts it again on the same files. */
  async restart(): Promise<MongoClient> {
    await this.stop();
    return this.start();
  }

  /** Stops what runs and removes the folder. */
  async close(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.client.close();
    await running?.server.stop();
  }
}
