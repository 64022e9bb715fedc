/** The answer of GET /views/statistics (API.md "Queries", S1). */
import { ApiProperty } from '@nestjs/swagger';

export class StatisticsFiguresView {
  @ApiProperty({ example: 120 }) received!: number;
  @ApiProperty({ example: 110 }) accepted!: number;
  @ApiProperty({ example: 4 }) rejected!: number;
  @ApiProperty({ example: 100 }) completed!: number;
  @ApiProperty({ example: 20 }) immediate!: number;
  @ApiProperty({ example: 96 }) completedOnTime!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.96 }) onTimeRate!: number | null;
  @ApiProperty({ example: 3, description: 'Open cases past their deadline at the moment of the query' })
  overdueNow!: number;
  @ApiProperty({ type: Number, nullable: true, example: 3.4 }) averageWorkingDaysToComplete!: number | null;
  @ApiProperty({ example: 2 }) complaints!: number;
  @ApiProperty({ example: 1 }) substantiatedComplaints!: number;
  @ApiProperty({ example: 40 }) evaluations!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.9 }) satisfactionRate!: number | null;
}

export class StatisticsDayView extends StatisticsFiguresView {
  @ApiProperty({ example: '2026-03-02' }) day!: string;
}

export class ServiceStatisticsView extends StatisticsFiguresView {
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-31' }) to!: string;
  @ApiProperty({
    type: [StatisticsDayView],
    description: 'The days with any activity; overdueNow is not a daily figure (0 there)',
  })
  days!: StatisticsDayView[];
}
