import { MaxAppendSizeExceededError } from '@kurrent/kurrentdb-client';
import { EventTooLarge, WrongExpectedRevision } from '../../event-store.port.js';
import { MAX_EVENT_BYTES, prepareAppend } from '../../prepared-event.js';
import { AppendOutcomeUnknown, EventStoreNotLeader, StreamRevisionsDiverged } from '../kurrentdb-errors.js';
import { KurrentDbEventStore } from '../kurrentdb-event-store.js';
import { ModelServer, type ModelCall } from './model-server.js';
import { newEvent } from '../../specs/sample-events.js';
import { deadlineExceeded, notLeader, unavailable } from './server-errors.js';

// The adapter's append logic on a minimal client over a model of the server's rules (model-server.ts),
// with the errors the real client makes. What only a server can show: README, "EventStoreDB".

const appends = (server: ModelServer) => server.calls.filter((call) => call.method === 'appendToStream');
const reads = (server: ModelServer): Extract<ModelCall, { method: 'readStream' }>[] =>
  server.calls.flatMap((call) => (call.method === 'readStream' ? [call] : []));

function open(server = new ModelServer(), budgetMs = 2_000) {
  return { server, store: KurrentDbEventStore.withClient(server, { unconfirmedAppendBudgetMs: budgetMs }) };
}

describe('KurrentDB append, defect 2: an unconfirmed append is re-read and answered as the append it was', () => {
  it('answers an append whose answer was lost (deadline exceeded after the write) from the stream, sending it once', async () => {
    const { server, store } = open();
    server.appendFaults.push({ after: deadlineExceeded() });
    server.hiddenReads = 2; // the leader has not indexed it for the first two reads
    const events = [newEvent(), newEvent()];
    const result = await store.append('case-1', events, 'no_stream');
    expect(result.events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(result.nextRevision).toBe(1);
    expect(appends(server)).toHaveLength(1);
    expect(await store.readStream('case-1')).toEqual(result.events);
  });

  it('answers a repeat the server holds back ("idempotent, not ready": no answer) as the first append', async () => {
    const server = new ModelServer();
    const first = await open(server).store.append('case-1', [newEvent()], 'no_stream');
    const repeated = prepareRepeat(first.events[0].eventId);
    // Written, not yet indexed: the repeat's first read does not see it, and the server holds it back.
    server.hiddenReads = 1;
    server.appendFaults.push({ before: deadlineExceeded() });
    // Another process, with no head cached: it sends the repeat, which the server does not answer.
    expect(await open(server).store.append('case-1', [repeated], 'no_stream')).toEqual(first);
  });

  it('re-reads a short read-back (acknowledged, not yet readable on the leader) until the events show', async () => {
    const { server, store } = open();
    server.hiddenReads = 2;
    const result = await store.append('case-1', [newEvent()], 'no_stream');
    expect(result.nextRevision).toBe(0);
    expect(reads(server).length).toBeGreaterThanOrEqual(3);
    expect(appends(server)).toHaveLength(1);
  });

  it('fails with AppendOutcomeUnknown after its budget when the events never show, naming what to do', async () => {
    const { server, store } = open(new ModelServer(), 300);
    server.appendFaults.push({ before: unavailable() });
    const started = Date.now();
    const attempt = store.append('case-1', [newEvent()], 'no_stream');
    await expect(attempt).rejects.toBeInstanceOf(AppendOutcomeUnknown);
    await expect(attempt).rejects.toThrow(/Repeat the same append \(same event ids\)/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await store.streamRevision('case-1')).toBe(-1);
  });
});

describe('KurrentDB append, defect 3: reads inside an append require the leader', () => {
  it('reads the head, the conflict and the written events with requiresLeader: true; plain reads do not', async () => {
    const server = new ModelServer();
    await open(server).store.append('case-1', [newEvent()], 'no_stream');
    server.calls.length = 0;
    const { store } = open(server); // no head cached: it reads one
    await store.append('case-1', [newEvent()], 0);
    await expect(store.append('case-1', [newEvent()], 0)).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect(reads(server).length).toBeGreaterThanOrEqual(3);
    for (const call of reads(server)) expect(call.options?.requiresLeader).toBe(true);
    server.calls.length = 0;
    await store.readStream('case-1');
    expect(reads(server).map((call) => call.options?.requiresLeader)).toEqual([false]);
  });

  it('retries an append a follower refused (NotLeader: nothing written) once the client has reconnected', async () => {
    const { server, store } = open();
    server.appendFaults.push({ before: notLeader() });
    const result = await store.append('case-1', [newEvent()], 'no_stream');
    expect(result.nextRevision).toBe(0);
    expect(appends(server)).toHaveLength(2);
  });

  it('gives up with EventStoreNotLeader, naming the leader, when no leader takes it within the budget', async () => {
    const { server, store } = open(new ModelServer(), 120);
    server.appendFaults.push(...Array.from({ length: 10 }, () => ({ before: notLeader() })));
    const attempt = store.append('case-1', [newEvent()], 'no_stream');
    await expect(attempt).rejects.toBeInstanceOf(EventStoreNotLeader);
    await expect(attempt).rejects.toThrow(/leader is n2:2113/);
  });
});

describe('KurrentDB append, defect 4: the whole append against the server’s 1 MiB, envelope included', () => {
  it('refuses two events that fit alone but not together, before sending anything', async () => {
    const { server, store } = open();
    const events = [
      newEvent({ data: { text: 'x'.repeat(600_000) } }),
      newEvent({ data: { text: 'y'.repeat(600_000) } }),
    ];
    const attempt = store.append('case-1', events, 'no_stream');
    await expect(attempt).rejects.toBeInstanceOf(EventTooLarge);
    await expect(attempt).rejects.toMatchObject({
      scope: 'append',
      eventId: events[1].eventId,
      limitBytes: 1024 * 1024,
    });
    await expect(attempt).rejects.toThrow(/per append/);
    expect(appends(server)).toHaveLength(0);
  });

  it('counts recordedAt, integrity and the correlation ids the port’s estimate leaves out', async () => {
    const { server, store } = open();
    const probe = newEvent({ data: { text: '' } });
    // The port's per-event estimate (prepared-event.ts): data JSON + the envelope it knows of.
    const known = JSON.stringify({
      eventId: probe.eventId,
      type: probe.type,
      schemaVersion: probe.schemaVersion,
      occurredAt: '2026-02-13T10:00:00.000+08:00',
      actor: probe.actor,
      correlationId: probe.correlationId,
      causationId: probe.causationId,
    });
    const text = 'x'.repeat(MAX_EVENT_BYTES - Buffer.byteLength(known) - JSON.stringify({ text: '' }).length);
    const event = { ...probe, data: { text } };
    expect(() => prepareAppend('case-1', [event], 'no_stream')).not.toThrow();
    const attempt = store.append('case-1', [event], 'no_stream');
    await expect(attempt).rejects.toMatchObject({ code: 'EVENT_TOO_LARGE', scope: 'append' });
    expect(appends(server)).toHaveLength(0);
  });

  it('maps the client’s MaxAppendSizeExceededError (a server configured lower) to EventTooLarge', async () => {
    const { server, store } = open();
    server.appendFaults.push({ before: MaxAppendSizeExceededError.fromMaxAppendSize(64 * 1024) });
    const attempt = store.append('case-1', [newEvent({ data: { text: 'x'.repeat(70_000) } })], 'no_stream');
    await expect(attempt).rejects.toBeInstanceOf(EventTooLarge);
    await expect(attempt).rejects.toMatchObject({ limitBytes: 64 * 1024, scope: 'append' });
    expect(await store.streamRevision('case-1')).toBe(-1);
  });
});

describe('KurrentDB append, defect 7: the revisions the server wrote at are the ones chained for', () => {
  it('refuses an append to a soft-deleted stream, which the server numbers after its deleted events', async () => {
    const { server, store } = open();
    await store.append('case-1', [newEvent(), newEvent()], 'no_stream');
    server.softDelete('case-1');
    expect(await store.readStream('case-1')).toEqual([]);
    const attempt = store.append('case-1', [newEvent()], 'no_stream');
    await expect(attempt).rejects.toBeInstanceOf(StreamRevisionsDiverged);
    await expect(attempt).rejects.toMatchObject({ chainedLastRevision: 0, writtenLastRevision: 2 });
    expect(await store.verifyStream('case-1')).toEqual({ ok: false, checked: 1, firstBrokenRevision: 0 });
  });

  it('appends after foreign events at the stream’s end instead of conflicting for ever; verifyStream finds them', async () => {
    const { server, store } = open();
    const first = await store.append('case-1', [newEvent(), newEvent()], 'no_stream');
    server.appendForeign('case-1');
    // A writer that read the stream expects its last event (revision 1); the server is at 2.
    const writer = open(server).store;
    expect((await writer.readStream('case-1')).at(-1)?.revision).toBe(first.nextRevision);
    const result = await writer.append('case-1', [newEvent()], first.nextRevision);
    expect(result.nextRevision).toBe(3);
    expect(appends(server).at(-1)?.options?.streamState).toBe(2n);
    expect(await writer.verifyStream('case-1')).toEqual({ ok: false, checked: 3, firstBrokenRevision: 2 });
  });
});

describe('KurrentDB append, defect 8: a head cache instead of a full read per append', () => {
  it('appends on the head a read left: the append and a bounded read-back, no stream read', async () => {
    const { server, store } = open();
    await store.append('case-1', [newEvent()], 'no_stream');
    const read = await store.readStream('case-1');
    server.calls.length = 0;
    await store.append('case-1', [newEvent(), newEvent()], read.at(-1)!.revision);
    await store.append('case-1', [newEvent()], 2);
    expect(server.calls.map((call) => call.method)).toEqual([
      'appendToStream',
      'readStream',
      'appendToStream',
      'readStream',
    ]);
    expect(reads(server).map((call) => [call.options?.fromRevision, call.options?.maxCount])).toEqual([
      [1n, 2],
      [3n, 1],
    ]);
  });

  it('recognises a repeat of an earlier append at the current head from the cached ids, writing nothing', async () => {
    const { server, store } = open();
    const events = [newEvent(), newEvent()];
    const first = await store.append('case-1', events, 'no_stream');
    await store.append('case-1', [newEvent()], 1);
    const before = appends(server).length;
    expect(await store.append('case-1', events, 2)).toEqual(first);
    expect(appends(server)).toHaveLength(before);
    expect(await store.streamRevision('case-1')).toBe(2);
  });

  it('pays one conflict for a head another process moved, then appends with `any` on the leader’s head', async () => {
    const server = new ModelServer();
    const { store } = open(server);
    await store.append('case-1', [newEvent()], 'no_stream');
    await open(server).store.append('case-1', [newEvent()], 0);
    await expect(store.append('case-1', [newEvent()], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
    const result = await store.append('case-1', [newEvent()], 'any');
    expect(result.nextRevision).toBe(2);
    expect(await store.verifyStream('case-1')).toEqual({ ok: true, checked: 3 });
  });
});

/** The same event again, as a retried command sends it. */
function prepareRepeat(eventId: string) {
  return newEvent({ eventId });
}
