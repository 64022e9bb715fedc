import { ApiProperty } from '@nestjs/swagger';

export class ClockView {
  @ApiProperty({ enum: ['system', 'manual'], example: 'manual' }) clock!: 'system' | 'manual';
  @ApiProperty({ example: '2026-03-09T17:31:00+08:00' }) now!: string;
}
