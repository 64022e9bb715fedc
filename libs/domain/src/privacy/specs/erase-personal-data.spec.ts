import type { Actor } from '../../actor/actor.js';
import { decideErasure, type ErasePersonalData, type ErasureHistory } from '../erase-personal-data.js';

const admin: Actor = { id: 'u-admin', name: '管理员赵敏', role: 'admin' };
const erase: ErasePersonalData = {
  type: 'ErasePersonalData',
  subject: 'case',
  legalBasis: '  保存期限届满（个人信息保护法第四十七条） ',
  occurredAt: '2026-03-02T09:00:00+08:00',
  actor: admin,
};
const recorded: ErasureHistory = { exists: true, erased: false, plainIdentifiers: false };

describe('erasing personal data (I2)', () => {
  it('I2: given a recorded case, when an admin erases with a legal basis, then PersonalDataErased records the basis', () => {
    expect(decideErasure(erase, recorded)).toEqual([
      {
        type: 'PersonalDataErased',
        schemaVersion: 1,
        occurredAt: erase.occurredAt,
        actor: admin,
        data: { legalBasis: '保存期限届满（个人信息保护法第四十七条）', plainIdentifiersInOldEvents: false },
      },
    ]);
  });

  it('I2: a complaint records ComplaintPersonalDataErased; identifiers recorded before I2 are named in the event', () => {
    expect(
      decideErasure({ ...erase, subject: 'complaint' }, { ...recorded, plainIdentifiers: true }),
    ).toMatchObject([{ type: 'ComplaintPersonalDataErased', data: { plainIdentifiersInOldEvents: true } }]);
  });

  it('I2: refuses other roles, an unknown case or complaint, a second erasure and a blank legal basis', () => {
    expect(decideErasure({ ...erase, actor: { ...admin, role: 'auditor' } }, recorded)).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      category: 'forbidden',
    });
    expect(decideErasure(erase, { ...recorded, exists: false })).toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(decideErasure({ ...erase, subject: 'complaint' }, { ...recorded, exists: false })).toMatchObject({
      code: 'COMPLAINT_NOT_FOUND',
    });
    expect(decideErasure(erase, { ...recorded, erased: true })).toMatchObject({
      code: 'I2_ALREADY_ERASED',
      category: 'conflict',
    });
    expect(decideErasure({ ...erase, legalBasis: ' \n ' }, recorded)).toMatchObject({
      code: 'I2_LEGAL_BASIS_REQUIRED',
      category: 'invalid',
      field: 'legalBasis',
    });
  });
});
