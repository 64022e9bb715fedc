import { STAFF_ROLES, type StaffRole } from '#domain/actor/actor.js';
import { EnumField, TextField } from '../../validation/dto-field.decorators.js';

/** POST /auth/dev-login: the identity to mint a development token for (claims of API.md "Conventions"). */
export class DevLoginDto {
  @EnumField(STAFF_ROLES, { example: 'supervisor' }) role!: StaffRole;
  @TextField({ optional: true, maxLength: 50, example: '李督查', description: 'default: the listed name' })
  name?: string;
  @TextField({ optional: true, maxLength: 100, example: 'center-1' }) centerId?: string;
  @TextField({ optional: true, maxLength: 100, example: 'dept-market' }) departmentId?: string;
  @TextField({ optional: true, maxLength: 100, example: 'win-3' }) windowId?: string;
}
