/**
 * E2: the claim of an attempt, against a real FerretDB through two connections (as two processes):
 * one winner per attempt, a dead holder's attempt taken over once its lease expires, nothing claimed
 * after it was delivered, and a new round after an admin's redelivery.
 */
import { MongoClient } from 'mongodb';
import { DeliveryLedger } from '#infra/notifications/delivery-ledger.js';
import type { DeliveryDocument } from '#infra/notifications/notification-documents.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import { startTestReadServer, type TestReadServer } from '../projector/support/test-ferretdb.js';

const delivery = (id: string, now: number): DeliveryDocument => ({
  _id: id,
  notificationId: id.split('~')[0]!,
  subscriptionId: 'market',
  kind: 'yellow',
  caseId: 'case-1',
  status: 'pending',
  attempts: 0,
  round: 0,
  nextAttemptAtMs: now,
  giveUpAtMs: now + 60_000,
  retryWindowMs: 60_000,
});

describe('delivery claims (E2)', () => {
  let server: TestReadServer;
  let read: ReadStore;
  let other: MongoClient;
  let a: DeliveryLedger;
  let b: DeliveryLedger;

  beforeAll(async () => {
    server = await startTestReadServer();
    read = await server.database('notification_claims');
    other = await new MongoClient(server.uri).connect();
    a = new DeliveryLedger(read.db);
    b = new DeliveryLedger(other.db(read.db.databaseName));
  });
  afterAll(async () => {
    await other?.close();
    await server?.close();
  });

  it('E2: of two processes claiming the same attempts at once, exactly one wins each', async () => {
    const now = Date.now();
    const ids = Array.from({ length: 100 }, (_, i) => `n${i}~market`);
    await a.deliveries.insertMany(ids.map((id) => delivery(id, now)));
    const results = await Promise.all(
      ids.map((id) => Promise.all([a.claim(id, 'a', now, 10_000), b.claim(id, 'b', now, 10_000)])),
    );
    for (const [x, y] of results)
      expect([x.kind, y.kind].filter((k) => k === 'claimed')).toEqual(['claimed']);
  });

  it("E2: a dead holder's attempt is claimed again once its lease expires, and never once delivered", async () => {
    const now = Date.now();
    await a.deliveries.insertOne(delivery('dead~market', now));
    const first = await a.claim('dead~market', 'a', now, 1_000);
    expect(first).toMatchObject({ kind: 'claimed', claimId: 'dead~market@0.0.0' });
    expect(await b.claim('dead~market', 'b', now + 500, 1_000)).toEqual({
      kind: 'held',
      untilMs: now + 1_000,
    });
    // "a" died: its lease ends, "b" takes the same attempt as the next generation.
    const taken = await b.claim('dead~market', 'b', now + 1_001, 1_000);
    expect(taken).toMatchObject({ kind: 'claimed', claimId: 'dead~market@0.0.1' });
    if (taken.kind !== 'claimed') throw new Error('not claimed');
    await b.delivered(taken.delivery, now + 1_100);
    expect(await a.claim('dead~market', 'a', now + 5_000, 1_000)).toMatchObject({
      kind: 'not_due',
      delivery: { status: 'delivered', attempts: 1 },
    });
  });

  it('E2: a failed attempt is retried as the next attempt; undeliverable, it is claimed again only after a redelivery, in a new round', async () => {
    const now = Date.now();
    await a.deliveries.insertOne({ ...delivery('flaky~market', now), giveUpAtMs: now + 100 });
    const first = await a.claim('flaky~market', 'a', now, 1_000);
    if (first.kind !== 'claimed') throw new Error('not claimed');
    expect(await a.failed(first.delivery, 'HTTP 500', now + 50)).toBe('pending');
    expect(await b.claim('flaky~market', 'b', now + 10, 1_000)).toMatchObject({ kind: 'not_due' });
    const second = await b.claim('flaky~market', 'b', now + 60, 1_000);
    expect(second).toMatchObject({ kind: 'claimed', claimId: 'flaky~market@0.1.0' });
    if (second.kind !== 'claimed') throw new Error('not claimed');
    expect(await b.failed(second.delivery, 'HTTP 500', now + 200)).toBe('undeliverable');
    expect(await a.claim('flaky~market', 'a', now + 300, 1_000)).toMatchObject({ kind: 'not_due' });
    expect(await a.redeliver('flaky', now + 400)).toEqual(['flaky~market']);
    expect(await a.claim('flaky~market', 'a', now + 400, 1_000)).toMatchObject({
      kind: 'claimed',
      claimId: 'flaky~market@1.0.0',
    });
  });
});
