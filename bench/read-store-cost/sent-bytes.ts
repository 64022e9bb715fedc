/**
 * Bench only (run.ts): every command sent to the read store, counted from the driver's command
 * monitoring: its bytes (BSON), and for writes the documents written and the largest of them.
 * Each command also goes to `byCommand`, which keeps the bytes by command and collection.
 */
import { BSON, type CommandStartedEvent, type Document, type MongoClient } from 'mongodb';
import type { CommandBytes } from './command-bytes.js';

const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

export interface SentBytes {
  bytes: number;
  documents: number;
  largest: number;
}

/** Counts from now on what `client` sends (it must be connected with `monitorCommands`). */
export function watchSent(client: MongoClient, byCommand: CommandBytes): SentBytes {
  const sent = { bytes: 0, documents: 0, largest: 0 };
  client.on('commandStarted', (e: CommandStartedEvent) => {
    byCommand.record(e);
    sent.bytes += BSON.calculateObjectSize(e.command);
    if (!WRITES.has(e.commandName)) return;
    const docs = (e.command.documents ?? e.command.updates?.map((u: Document) => u.u) ?? []) as Document[];
    sent.documents += e.commandName === 'delete' ? (e.command.deletes?.length ?? 0) : docs.length || 1;
    for (const d of docs) sent.largest = Math.max(sent.largest, BSON.calculateObjectSize(d));
  });
  return sent;
}
