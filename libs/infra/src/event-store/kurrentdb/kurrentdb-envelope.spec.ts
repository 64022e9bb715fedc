import type { ResolvedEvent } from '@kurrent/kurrentdb-client';
import { verifyChain } from '../../integrity/hash-chain.js';
import { START, formatPosition } from '../position.js';
import { prepareAppend } from '../prepared-event.js';
import { EMPTY_STREAM, chainOnto } from '../recorded-events.js';
import {
  fromKurrentPosition,
  fromResolvedEvent,
  toEventData,
  toKurrentPosition,
} from './kurrentdb-envelope.js';
import { matchesFilter, serverFilter } from './kurrentdb-filter.js';

// No EventStoreDB server runs here: these check the adapter's mapping against the client's own
// types and helpers; the contract suite runs the adapter when EVENTSTORE_TEST_URL is set.

const actor = { id: 'u1', name: '孙八', role: 'supervisor', departmentId: 'd-1', windowId: null };

function chained() {
  const prepared = prepareAppend(
    'case-9',
    [
      {
        eventId: '3f6c1a52-6d0e-4a43-9b7e-5a0c2f1d9e01',
        type: 'YellowCardIssued',
        schemaVersion: 2,
        occurredAt: '2026-02-13T10:00:00+08:00',
        actor,
        correlationId: 'corr',
        causationId: 'cause',
        data: { level: 'yellow', 原因: '超期' },
      },
    ],
    'no_stream',
  );
  return chainOnto(EMPTY_STREAM, 'case-9', prepared, Date.parse('2026-02-13T02:00:05Z')).events;
}

describe('KurrentDB envelope', () => {
  it('puts the envelope in JSON metadata and reads the same event back', () => {
    const [event] = chained();
    const data = toEventData(event);
    expect(data).toMatchObject({
      id: event.eventId,
      type: 'YellowCardIssued',
      contentType: 'application/json',
      data: event.data,
    });
    expect(data.metadata).toMatchObject({
      $correlationId: 'corr',
      $causationId: 'cause',
      integrity: event.integrity,
    });

    const position = { commit: 1234n, prepare: 1234n };
    const resolved = {
      event: {
        streamId: 'case-9',
        id: data.id,
        isJson: true,
        revision: 0n,
        type: data.type,
        created: new Date(),
        data: data.data,
        metadata: data.metadata,
        position,
      },
      commitPosition: 1234n,
    } as ResolvedEvent;
    const recorded = fromResolvedEvent(resolved);
    expect(recorded).toEqual({ ...event, position: formatPosition(1234n, 1234n) });
    expect(verifyChain([recorded!])).toEqual({ ok: true, checked: 1 });
  });

  it('leaves out what is not the port envelope', () => {
    const foreign = {
      event: {
        streamId: 'other',
        id: 'x',
        isJson: true,
        revision: 0n,
        type: 'Foreign',
        created: new Date(),
        data: {},
        metadata: {},
      },
    } as ResolvedEvent;
    const system = {
      event: { ...foreign.event!, streamId: '$stats-1', type: '$statsCollected' },
    } as ResolvedEvent;
    expect(fromResolvedEvent(foreign)).toBeUndefined();
    expect(fromResolvedEvent(system)).toBeUndefined();
    expect(fromResolvedEvent({} as ResolvedEvent)).toBeUndefined();
  });

  it('maps positions both ways, START to the server start', () => {
    expect(toKurrentPosition(START)).toBe('start');
    const position = fromKurrentPosition({ commit: 18446744073709551615n, prepare: 7n });
    expect(toKurrentPosition(position)).toEqual({ commit: 18446744073709551615n, prepare: 7n });
  });

  it('filters on the server by exact event types or by stream prefix, and again on the client', () => {
    const byType = serverFilter({ eventTypes: ['CardIssued', 'Case.Closed'] });
    expect(byType).toMatchObject({ filterOn: 'eventType', regex: '^(?:CardIssued|Case\\.Closed)$' });
    const regex = new RegExp((byType as { regex: string }).regex);
    expect(['CardIssued', 'Case.Closed', 'CardIssuedAgain', 'CaseXClosed'].map((t) => regex.test(t))).toEqual(
      [true, true, false, false],
    );
    expect(serverFilter({ streamPrefix: 'case-' })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['case-'],
    });
    expect(serverFilter(undefined)).toMatchObject({ filterOn: 'eventType' });
    const [event] = chained();
    const recorded = { ...event, position: START };
    expect(matchesFilter(recorded, { streamPrefix: 'case-' })).toBe(true);
    expect(matchesFilter(recorded, { eventTypes: ['Other'] })).toBe(false);
  });
});
