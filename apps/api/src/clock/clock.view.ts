import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SupervisionTickView {
  @ApiProperty({ description: 'Cases found due', example: 1 }) due!: number;
  @ApiProperty({ description: 'Events recorded (warnings, cards, flags)', example: 1 }) appended!: number;
  @ApiProperty({ description: 'Cases left for the next tick (another writer)', example: 0 })
  conflicts!: number;
}

export class ClockView {
  @ApiProperty({ enum: ['system', 'manual'], example: 'manual' }) clock!: 'system' | 'manual';
  @ApiProperty({ example: '2026-03-09T17:31:00+08:00' }) now!: string;
  @ApiPropertyOptional({
    type: SupervisionTickView,
    description: 'The supervision tick run at the new time, when this process runs supervision',
  })
  supervision?: SupervisionTickView;
}
