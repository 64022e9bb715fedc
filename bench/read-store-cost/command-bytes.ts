/**
 * Bench only: the bytes sent to the read store while a probe event is projected, by command name
 * and collection (`update case_views`, `find projection_checkpoints`…), so the note can say where
 * the bytes per event go (issue 19). Counts only while `active`.
 */
import { BSON, type CommandStartedEvent } from 'mongodb';

export class CommandBytes {
  active = false;
  private readonly bytes = new Map<string, number>();
  private readonly counts = new Map<string, number>();
  /** With BENCH_SHOW_COMMANDS=1: the first command of each kind, printed by `perEvent`. */
  private readonly examples = process.env.BENCH_SHOW_COMMANDS ? new Map<string, unknown>() : undefined;

  record(e: CommandStartedEvent): void {
    if (!this.active) return;
    // The collection is the command's first field (getMore names it in `collection`).
    const target = e.commandName === 'getMore' ? e.command.collection : e.command[e.commandName];
    const key = `${e.commandName} ${typeof target === 'string' ? target : '-'}`;
    this.bytes.set(key, (this.bytes.get(key) ?? 0) + BSON.calculateObjectSize(e.command));
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.examples && !this.examples.has(key)) this.examples.set(key, e.command);
  }

  /** Per event over `events` events, largest first: `{ "update case_views": [bytes, commands] }`. */
  perEvent(events: number): Record<string, [number, number]> {
    const round = (x: number): number => Math.round((x / events) * 10) / 10;
    for (const [key, command] of this.examples ?? []) console.log(key, JSON.stringify(command));
    return Object.fromEntries(
      [...this.bytes]
        .sort(([, a], [, b]) => b - a)
        .map(([key, bytes]) => [key, [round(bytes), round(this.counts.get(key) ?? 0)]]),
    );
  }

  clear(): void {
    this.examples?.clear();
    this.bytes.clear();
    this.counts.clear();
  }
}
