/**
 * Bench only (run.ts): 100 probe events, each appended alone and projected by the real projector
 * before the next, so the bytes sent and documents written are those of one event. Even probes
 * complete one of the last real cases (each round its own 50), odd ones register a new case.
 */
import type { CaseCommand } from '#domain/case/case-commands.js';
import { initialState } from '#domain/case/case-state.js';
import { caseStateOf } from '#infra/case-stream/case-stream.js';
import type { ManualClock } from '#infra/clock/clock.js';
import type { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import type { startProjector } from '../../apps/projector/src/start-projector.js';
import { percentile } from '../support/percentile.js';
import { accept, clerk, record } from './bench-cases.js';
import type { CommandBytes } from './command-bytes.js';
import type { SentBytes } from './sent-bytes.js';

const PROBES = 100;

export interface ProbeBench {
  readonly store: EventStore;
  readonly configuration: ConfigurationCache;
  readonly clock: ManualClock;
  readonly projector: ReturnType<typeof startProjector>;
  readonly sent: SentBytes;
  readonly byCommand: CommandBytes;
  /** How many real cases were recorded (`c0000000`…): the probes complete some of the last. */
  readonly realCases: number;
}

/** 100 probe events, each projected alone: the bytes and documents each costs. */
export async function probeEvents(
  bench: ProbeBench,
  round: number,
): Promise<{ median: number; p99: number; docs: number }> {
  const { store, configuration, clock, projector, sent, byCommand } = bench;
  const bytes: number[] = [];
  const docs: number[] = [];
  byCommand.clear();
  for (let p = 0; p < PROBES; p++) {
    clock.set(clock.now() + 1000);
    const before = { ...sent };
    byCommand.active = true;
    if (p % 2 === 0) {
      const id = `c${String(bench.realCases - (round + 1) * PROBES * 2 + p * 2).padStart(7, '0')}`;
      const state = caseStateOf(await store.readStream(`case-${id}`));
      const complete: CaseCommand = {
        type: 'CompleteCase',
        actor: clerk,
        outcome: 'approved',
        decisionNo: `JD-${id}`,
      };
      await record(store, configuration, id, state, [complete], clock.now());
    } else {
      const id = `probe-${round}-${p}`;
      await record(store, configuration, id, initialState, [accept(id)[0]!], clock.now());
    }
    await projector.whenCaughtUp();
    byCommand.active = false;
    bytes.push(sent.bytes - before.bytes);
    docs.push(sent.documents - before.documents);
  }
  // Where the bytes go: per event, by command and collection ([bytes, commands]).
  console.log(JSON.stringify({ round, bytesPerEventByCommand: byCommand.perEvent(PROBES) }));
  return { median: percentile(bytes, 50), p99: percentile(bytes, 99), docs: percentile(docs, 50) };
}
