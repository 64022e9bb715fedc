/**
 * U6: a reading of unmasked personal data, recorded as a `PersonalDataRead` event in the stream of
 * its day (Asia/Shanghai), `access-log-YYYY-MM-DD`: who (the event's actor), which case, which
 * route, when (occurredAt).
 */
import { MS_PER_DAY, SHANGHAI_UTC_OFFSET_MS } from '#domain/calendar/index.js';

export const ACCESS_LOG_PREFIX = 'access-log-';
export const PERSONAL_DATA_READ = 'PersonalDataRead';

export interface PersonalDataReadData {
  /** The case read; for GET /complaints/{complaintId}, the complaint's receipt number. */
  readonly caseId: string;
  /** The route as API.md names it, e.g. `GET /cases/{id}/dossier`. */
  readonly route: string;
  /** json, csv or html. */
  readonly format: string;
}

/** The Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

export function accessLogStream(epochMs: number): string {
  return `${ACCESS_LOG_PREFIX}${shanghaiDay(epochMs)}`;
}

/** The day streams that can hold readings between `fromMs` and `toMs` (inclusive), oldest first. */
export function accessLogStreams(fromMs: number, toMs: number): string[] {
  const streams: string[] = [];
  for (let t = fromMs; shanghaiDay(t) <= shanghaiDay(toMs); t += MS_PER_DAY) streams.push(accessLogStream(t));
  return streams;
}
