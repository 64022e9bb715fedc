/** The answers of GET and POST /auth/dev-login (issue 18). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES } from '#domain/actor/actor.js';

export class DevIdentityView {
  @ApiProperty({ example: 'u-supervisor' }) sub!: string;
  @ApiProperty({ enum: STAFF_ROLES, example: 'supervisor' }) role!: string;
  @ApiProperty({ example: '中心督查' }) label!: string;
  @ApiProperty({ example: '李督查' }) name!: string;
  @ApiPropertyOptional({ example: 'center-1' }) centerId?: string;
  @ApiPropertyOptional({ example: 'dept-market' }) departmentId?: string;
  @ApiPropertyOptional({ example: 'win-3' }) windowId?: string;
}

export class DevLoginOptionsView {
  @ApiProperty({ type: [DevIdentityView] }) identities!: DevIdentityView[];
}

export class DevTokenView {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ…' }) token!: string;
  @ApiProperty({ example: '2026-03-02T17:00:00+08:00' }) expiresAt!: string;
  @ApiProperty({ type: DevIdentityView }) identity!: DevIdentityView;
}
