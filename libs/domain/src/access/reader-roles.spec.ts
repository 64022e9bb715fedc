import { STAFF_ROLES } from '../actor/actor.js';
import { auditor, guide, supervisor, windowClerk } from '../testing/fixtures.js';
import { mayReadAs, READER_ROLES, type Reading } from './reader-roles.js';

const admin = { role: 'admin' } as const;

describe('who reads what beyond one case (DOMAIN.md "Who uses it")', () => {
  it('U6, U2: given an auditor, then it reads the access log and the back-dated entries; a supervisor is refused naming who may', () => {
    expect(mayReadAs(auditor, 'accessLog')).toBeUndefined();
    expect(mayReadAs(auditor, 'backdatedEntries')).toBeUndefined();
    expect(mayReadAs(supervisor, 'accessLog')).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      category: 'forbidden',
      detail: 'The access log (U6) is for auditor; you are supervisor.',
    });
  });

  it('U7: given an admin, then it seals the store on demand but does not read the seals', () => {
    expect(mayReadAs(admin, 'sealing')).toBeUndefined();
    expect(mayReadAs(admin, 'seals')).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(mayReadAs(auditor, 'seals')).toBeUndefined();
  });

  it('R1: given window staff, then they read the worklist, the overdue view and the alerts, not the center’s cards, statistics or rankings; a guide reads the worklist only', () => {
    const reads = (actor: { readonly role: typeof windowClerk.role }): Reading[] =>
      (Object.keys(READER_ROLES) as Reading[]).filter((r) => mayReadAs(actor, r) === undefined);
    expect(reads(windowClerk)).toEqual(['worklist', 'overdue', 'alerts']);
    expect(reads(guide)).toEqual(['worklist']);
  });

  it('E2: given any staff role but admin, then the notification ledger is refused', () => {
    for (const role of STAFF_ROLES)
      expect({ role, refused: mayReadAs({ role }, 'notifications') !== undefined }).toEqual({
        role,
        refused: role !== 'admin',
      });
  });
});
