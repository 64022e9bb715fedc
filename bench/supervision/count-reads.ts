/**
 * Bench only (run.ts): the documents the read store answers while a tick runs, counted from the
 * driver's command events (find and getMore replies), by collection.
 */
import type { CommandSucceededEvent, Document, MongoClient } from 'mongodb';

/** What the read store answered to find/getMore, while counting. */
export function countReads(client: MongoClient): {
  counts: { commands: number; documents: number; bytes: number; byCollection: Record<string, number> };
  on: boolean;
  reset(): void;
} {
  const state = {
    counts: { commands: 0, documents: 0, bytes: 0, byCollection: {} as Record<string, number> },
    on: false,
    reset() {
      state.counts = { commands: 0, documents: 0, bytes: 0, byCollection: {} };
    },
  };
  client.on('commandSucceeded', (e: CommandSucceededEvent) => {
    if (!state.on || (e.commandName !== 'find' && e.commandName !== 'getMore')) return;
    const cursor = (e.reply as { cursor?: { ns?: string; firstBatch?: Document[]; nextBatch?: Document[] } })
      .cursor;
    const docs = cursor?.firstBatch ?? cursor?.nextBatch ?? [];
    const collection = (cursor?.ns ?? '').split('.').slice(1).join('.');
    state.counts.commands++;
    state.counts.documents += docs.length;
    state.counts.bytes += docs.reduce((n, d) => n + JSON.stringify(d).length, 0);
    state.counts.byCollection[collection] = (state.counts.byCollection[collection] ?? 0) + docs.length;
  });
  return state;
}
