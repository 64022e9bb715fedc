/**
 * The one write path (handle-command.ts) on a real PGlite store: each typed result the edges map.
 * Given a stream, when a command is handled, then what it recorded or why it recorded nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '#domain/actor/actor.js';
import { createEventStore } from '../event-store/create-event-store.js';
import type { EventStore } from '../event-store/event-store.port.js';
import { handleCommand, type DecidedEvent, type Refusal } from './handle-command.js';
import { StreamCache } from './stream-cache.js';

const clerk: Actor = { id: 'u-window', name: '窗口王芳', role: 'window', departmentId: 'dept-market' };
const noted = (n: number): DecidedEvent => ({
  type: 'Noted',
  schemaVersion: 1,
  occurredAt: '2026-03-02T09:00:00.000+08:00',
  actor: clerk,
  data: { n },
});
const refusal: Refusal = {
  kind: 'DomainError',
  code: 'ILLEGAL_TRANSITION',
  category: 'conflict',
  title: '当前办件状态不允许该操作',
  detail: 'Not now.',
};
const base = { correlationId: 'req-1' };

describe('handleCommand: load, decide, append, and a typed result', () => {
  let dir: string;
  let store: EventStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'handle-command-'));
    store = await createEventStore(`pglite://${dir}`);
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('records what the decider decides, with the actor as the envelope names it (U1)', async () => {
    const result = await handleCommand(store, { ...base, streamId: 's-1', decide: () => [noted(1)] });
    expect(result).toMatchObject({ kind: 'recorded', outcome: { revision: 0, replayed: false } });
    const [event] = await store.readStream('s-1');
    expect(event!.actor).toEqual({ ...clerk, windowId: null });
  });

  it('answers a refusal, records nothing', async () => {
    const result = await handleCommand(store, { ...base, streamId: 's-2', decide: () => refusal });
    expect(result).toEqual({ kind: 'refused', refusal });
    expect(await store.readStream('s-2')).toEqual([]);
  });

  it('If-Match on another revision, or * on no stream: precondition_failed, never decided', async () => {
    let decided = 0;
    const decide = (): DecidedEvent[] => {
      decided++;
      return [noted(2)];
    };
    expect(await handleCommand(store, { ...base, streamId: 's-1', ifMatch: 5, decide })).toMatchObject({
      kind: 'precondition_failed',
    });
    expect(await handleCommand(store, { ...base, streamId: 's-3', ifMatch: '*', decide })).toMatchObject({
      kind: 'precondition_failed',
    });
    expect(decided).toBe(0);
  });

  it('a keyed retry is answered with the first answer; the same key with another request is key_reused', async () => {
    const scope = { actorId: clerk.id, command: 'Note', key: 'k-1' };
    const first = await handleCommand(store, {
      ...base,
      streamId: 's-4',
      idempotency: { scope, fingerprint: 'a' },
      decide: () => [noted(1)],
    });
    const retry = await handleCommand(store, {
      ...base,
      streamId: 's-4',
      idempotency: { scope, fingerprint: 'a' },
      decide: () => [noted(9)],
    });
    expect(retry).toEqual(
      first.kind === 'recorded' ? { kind: 'recorded', outcome: { ...first.outcome, replayed: true } } : first,
    );
    expect(
      await handleCommand(store, {
        ...base,
        streamId: 's-4',
        idempotency: { scope, fingerprint: 'b' },
        decide: () => [noted(1)],
      }),
    ).toEqual({ kind: 'key_reused' });
  });

  it('two keyed requests racing with one key: the same request shares one answer; another body is key_reused, never told it was recorded', async () => {
    // Both read the empty stream and decide before either appends (a barrier), so the second append
    // meets the first one's derived event ids in the store.
    const race = async (streamId: string, fingerprints: readonly [string, string]) => {
      const scope = { actorId: clerk.id, command: 'Note', key: `k-${streamId}` };
      let arrived = 0;
      let release: () => void = () => undefined;
      const bothDecided = new Promise<void>((resolve) => (release = resolve));
      const request = (fingerprint: string, n: number) =>
        handleCommand(store, {
          ...base,
          streamId,
          idempotency: { scope, fingerprint },
          decide: async () => {
            if (++arrived === 2) release();
            await bothDecided;
            return [noted(n)];
          },
        });
      return Promise.all([request(fingerprints[0], 1), request(fingerprints[1], 2)]);
    };
    const [same1, same2] = await race('s-8', ['a', 'a']);
    expect(same1).toMatchObject({ kind: 'recorded' });
    expect(same2).toEqual(same1);
    const results = await race('s-9', ['a', 'b']);
    const recorded = results.filter((r) => r.kind === 'recorded');
    expect(recorded).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'key_reused')).toHaveLength(1);
    const stored = await store.readStream('s-9');
    expect(stored).toHaveLength(1);
    // The one recorded answer is the request whose event the store holds.
    expect(recorded[0]!.kind === 'recorded' && recorded[0]!.outcome.events).toEqual(stored);
  });

  it('a lost race is decided again once; with no retry left it is a conflict', async () => {
    await handleCommand(store, { ...base, streamId: 's-5', decide: () => [noted(0)] });
    // Another writer appends while this command decides, every time it decides.
    const racing = (): Promise<DecidedEvent[]> =>
      handleCommand(store, { ...base, streamId: 's-5', decide: () => [noted(-1)] }).then(() => [noted(1)]);
    expect(await handleCommand(store, { ...base, streamId: 's-5', decide: racing })).toMatchObject({
      kind: 'conflict',
    });
    expect(
      await handleCommand(store, { ...base, streamId: 's-5', retries: 0, decide: racing }),
    ).toMatchObject({ kind: 'conflict' });
    let calls = 0;
    const losesOnce = (): Promise<DecidedEvent[]> | DecidedEvent[] => (calls++ === 0 ? racing() : [noted(2)]);
    expect(await handleCommand(store, { ...base, streamId: 's-5', decide: losesOnce })).toMatchObject({
      kind: 'recorded',
    });
    expect(calls).toBe(2);
    // Supervision's way (retries: 0): the first loss is final; the case is looked at next tick.
    calls = 0;
    expect(
      await handleCommand(store, { ...base, streamId: 's-5', retries: 0, decide: losesOnce }),
    ).toMatchObject({ kind: 'conflict' });
    expect(calls).toBe(1);
  });

  it('mustExist: an empty stream is missing, not decided on', async () => {
    expect(
      await handleCommand(store, { ...base, streamId: 's-6', mustExist: true, decide: () => [noted(1)] }),
    ).toEqual({ kind: 'missing' });
  });

  it('a stale cached copy is read again before a refusal is answered', async () => {
    const cache = new StreamCache();
    await handleCommand(store, { ...base, streamId: 's-7', decide: () => [noted(1)] }, cache);
    // Another process writes; this process's cache does not know.
    await handleCommand(store, { ...base, streamId: 's-7', decide: () => [noted(2)] });
    const seen: number[] = [];
    const result = await handleCommand(
      store,
      {
        ...base,
        streamId: 's-7',
        decide: (events) => {
          seen.push(events.length);
          return events.length < 2 ? refusal : [noted(3)];
        },
      },
      cache,
    );
    expect(seen).toEqual([1, 2]);
    expect(result).toMatchObject({ kind: 'recorded', outcome: { revision: 2 } });
  });

  it('beforeAppend runs once the decision is to record, before the append, on the stream as stored; never for a refusal', async () => {
    const cache = new StreamCache();
    await handleCommand(store, { ...base, streamId: 's-10', decide: () => [noted(1)] }, cache);
    const done: string[] = [];
    const beforeAppend = async (decided: readonly DecidedEvent[]): Promise<void> => {
      // The stream does not hold the decided event yet.
      done.push(`before ${decided.length} at ${(await store.readStream('s-10')).length}`);
    };
    expect(
      await handleCommand(store, { ...base, streamId: 's-10', decide: () => refusal, beforeAppend }, cache),
    ).toMatchObject({ kind: 'refused' });
    expect(done).toEqual([]);
    // Decided first on the cached copy: the side effect waits for the stream as stored.
    let decisions = 0;
    const decide = (): DecidedEvent[] => (decisions++, [noted(2)]);
    const result = await handleCommand(store, { ...base, streamId: 's-10', decide, beforeAppend }, cache);
    expect(result).toMatchObject({ kind: 'recorded', outcome: { revision: 1 } });
    expect(decisions).toBe(2);
    expect(done).toEqual(['before 1 at 1']);
  });

  it('a beforeAppend that throws records nothing and reaches the caller', async () => {
    const failing = handleCommand(store, {
      ...base,
      streamId: 's-11',
      decide: () => [noted(1)],
      beforeAppend: () => Promise.reject(new Error('key store down')),
    });
    await expect(failing).rejects.toThrow('key store down');
    expect(await store.readStream('s-11')).toEqual([]);
  });
});
