import { ApiProperty } from '@nestjs/swagger';

/** GET /admin/calendar/{year}: whether the calendar covers the year (T2), and from which notice. */
export class CalendarYearView {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ description: 'False: deadlines reaching into the year are provisional (T2)', example: true })
  covered!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'chinese-days@1.5.7' }) source!: string | null;
  @ApiProperty({ type: [String], example: ['2026-01-01', '2026-01-02', '2026-01-03'] }) holidays!: string[];
  @ApiProperty({ type: [String], example: ['2026-01-04'] }) workdays!: string[];
}
