/** Steps the walkthrough suites share: reading a case, its cards and its events over HTTP. */
import type { TestApi } from '../../api/support/api-harness.js';

export interface CardSummary {
  readonly cardId: string;
  readonly level: string;
  readonly explanation?: string;
  readonly revoked?: boolean;
}

export interface RecordedEventJson {
  readonly eventId: string;
  readonly type: string;
  readonly revision: number;
  readonly position: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Record<string, unknown>;
  readonly causationId: string | null;
  readonly data: Record<string, unknown>;
  readonly integrity: { readonly hash: string };
}

export async function caseNow(api: TestApi, id: string, token: string): Promise<Record<string, unknown>> {
  const res = await api.request('GET', `/cases/${id}`, undefined, { token });
  if (res.status !== 200) throw new Error(`GET /cases/${id} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function cardsOf(api: TestApi, id: string, token: string): Promise<CardSummary[]> {
  return (await caseNow(api, id, token)).cards as CardSummary[];
}

export async function eventsOf(api: TestApi, id: string, token: string): Promise<RecordedEventJson[]> {
  const res = await api.request<{ items: RecordedEventJson[] }>(
    'GET',
    `/cases/${id}/events?limit=500`,
    undefined,
    {
      token,
    },
  );
  if (res.status !== 200) throw new Error(`events: ${res.status}`);
  return res.body.items;
}

export const supervisionEvents = (events: readonly RecordedEventJson[]): string[] =>
  events
    .filter((e) => e.actor.role === 'system')
    .map((e) => `${e.type}:${(e.data.cardId ?? e.data.step ?? '') as string}`);
