/**
 * I2 at the edge: the SQL event store (PostgreSQL, PGlite) is wrapped so applicant identifiers are
 * stored encrypted under their case's data key; the API reads them decrypted (I1 masks them for
 * all but auditors), the projector masked (`projectorView`). EventStoreDB has no key table beside
 * its events yet: it stores them as before.
 */
import { maskIdNumber, maskPhone } from '#domain/privacy/mask-applicant.js';
import type { AppConfig } from '../config/app-config.js';
import type { EventStore } from '../event-store/event-store.port.js';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store.js';
import { DataKeys } from './data-keys.js';
import { masterKeyFrom } from './identifier-cipher.js';
import { PersonalDataStore } from './personal-data-store.js';

const mask = (field: 'idNumber' | 'phone', value: string): string =>
  field === 'phone' ? maskPhone(value) : maskIdNumber(value);

export function protectPersonalData(store: EventStore, config: Pick<AppConfig, 'dataKeySecret'>): EventStore {
  if (store instanceof PersonalDataStore || !(store instanceof PostgresEventStore)) return store;
  const keys = new DataKeys(store.database, masterKeyFrom(config.dataKeySecret.secret));
  return new PersonalDataStore(store, keys, 'reveal', mask);
}

/** What the projector reads: identifiers masked at its input, so read models never hold them (I2). */
export function projectorView(store: EventStore): EventStore {
  return store instanceof PersonalDataStore ? store.as('mask') : store;
}
