import { randomBytes } from 'node:crypto';
import { maskIdNumber, maskPhone } from '#domain/privacy/mask-applicant.js';
import { START } from '#infra/event-store/event-store.port.js';
import type { PostgresEventStore } from '#infra/event-store/postgres/postgres-event-store.js';
import { DataKeys } from '#infra/personal-data/data-keys.js';
import { masterKeyFrom } from '#infra/personal-data/identifier-cipher.js';
import { PersonalDataStore } from '#infra/personal-data/personal-data-store.js';
import { SealVerifier } from '#infra/seals/seal-verifier.js';
import { Sealer } from '#infra/seals/sealer.js';
import { openSqlAdapter, sqlAdapterNames, type ContractAdapter } from './contract-adapters.js';
import { newEvent, windowClerk } from '#infra/event-store/specs/sample-events.js';

/** I2 on the SQL stores: ciphertext in the events, keys beside them, erasure by key destruction. */
const applicant = { kind: 'person', name: '张三', idNumber: '110101199003071234', phone: '13800138000' };
const mask = (field: 'idNumber' | 'phone', v: string): string =>
  field === 'phone' ? maskPhone(v) : maskIdNumber(v);

for (const name of sqlAdapterNames()) {
  describe(`I2 personal data store: ${name}`, () => {
    let adapter: ContractAdapter;
    let raw: PostgresEventStore;
    let store: PersonalDataStore;
    const run = randomBytes(4).toString('hex');

    beforeAll(async () => {
      ({ adapter, store: raw } = await openSqlAdapter(name, 'I2 (personal data)'));
      const keys = new DataKeys(raw.database, masterKeyFrom('test-secret-0123456789abcdef-0123456789'));
      store = new PersonalDataStore(raw, keys, 'reveal', mask);
    });
    afterAll(async () => {
      await store?.close();
      await adapter?.dispose();
    });

    it('I2: stores ciphertext under a key kept beside the events, reveals to the API and masks for the projector', async () => {
      const streamId = `case-${run}-a`;
      const appended = await store.append(
        streamId,
        [newEvent({ type: 'InquiryRegistered', data: { applicant } })],
        'no_stream',
      );
      expect(appended.events[0].data).toEqual({ applicant });
      const [stored] = await raw.readStream(streamId);
      const storedApplicant = (stored.data as { applicant: Record<string, string> }).applicant;
      expect(storedApplicant.idNumber).toMatch(/^enc:v1:/);
      expect(storedApplicant.phone).toMatch(/^enc:v1:/);
      expect(storedApplicant.name).toBe('张三');
      expect(await store.readStream(streamId)).toEqual(appended.events);
      const page = await store.as('mask').readAll(START, { filter: { streamPrefix: streamId } });
      expect(page.events[0].data).toEqual({
        applicant: { ...applicant, idNumber: '110************234', phone: '1********00' },
      });
      // The key is never in an event: its table holds it wrapped under the master key.
      const [key] = await raw.database.query<{ wrapped_key: string }>(
        'SELECT wrapped_key FROM es_data_keys WHERE stream_id = $1',
        [streamId],
      );
      expect(JSON.stringify(await raw.readStream(streamId))).not.toContain(key.wrapped_key);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 1 });
      // Counting reads no identifier: both views count with the inner store's statement.
      expect(await store.as('mask').countAfter?.(START)).toBe(await raw.countAfter(START));
      expect(await store.countAfter?.(appended.events[0].position)).toBe(0);
    });

    it('I2: a case’s first event and its key commit together; a concurrent repeat answers as the first, one key', async () => {
      const streamId = `case-${run}-repeat`;
      const event = newEvent({ type: 'InquiryRegistered', data: { applicant } });
      const [a, b] = await Promise.all([
        store.append(streamId, [event], 'no_stream'),
        store.append(streamId, [event], 'no_stream'),
      ]);
      expect(b).toEqual(a);
      expect(a.events[0].data).toEqual({ applicant });
      expect(await raw.readStream(streamId)).toHaveLength(1);
      const keys = await raw.database.query('SELECT stream_id FROM es_data_keys WHERE stream_id = $1', [
        streamId,
      ]);
      expect(keys).toHaveLength(1);
    });

    it('I2: erasing destroys the key; the identifiers read as erased in every view; the chain and the seals verify', async () => {
      const streamId = `case-${run}-b`;
      await store.append(
        streamId,
        [newEvent({ type: 'InquiryRegistered', data: { applicant } })],
        'no_stream',
      );
      await new Sealer(raw).seal(windowClerk);
      await store.erase(streamId, '保存期限届满');
      await store.append(
        streamId,
        [newEvent({ type: 'PersonalDataErased', data: { legalBasis: '保存期限届满' } })],
        0,
      );
      for (const view of [store, store.as('mask')]) {
        const [registered] = await view.readStream(streamId);
        expect(registered.data).toEqual({
          applicant: { ...applicant, idNumber: '[已删除]', phone: '[已删除]' },
        });
      }
      const [row] = await raw.database.query<{ wrapped_key: string | null }>(
        'SELECT wrapped_key FROM es_data_keys WHERE stream_id = $1',
        [streamId],
      );
      expect(row.wrapped_key).toBeNull();
      // A later event naming the applicant again is stored erased: there is no key to encrypt under.
      await store.append(streamId, [newEvent({ type: 'InquiryRegistered', data: { applicant } })], 1);
      expect(JSON.stringify(await raw.readStream(streamId))).not.toContain(applicant.idNumber);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, checked: 3 });
      await new Sealer(raw).seal(windowClerk);
      expect(await new SealVerifier(raw).verify()).toMatchObject({ ok: true, problems: [] });
    });
  });
}
