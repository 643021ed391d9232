import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allowed } from '../auth/roles.js';
import { ZodPipe } from '../http/zod-body.pipe.js';
import { FOLLOW_THROUGH_COLUMNS, GOODWILL_COLUMNS, REP_WORKLOAD_COLUMNS, toCsv } from './report-csv.js';
import {
  followThroughQuery,
  goodwillQuery,
  repWorkloadQuery,
  type FollowThroughQuery,
  type GoodwillQuery,
  type RepWorkloadQuery,
} from './report-queries.schemas.js';
import { ReportsService } from './reports.service.js';

/** JSON by default; with `Accept: text/csv`, the report's main list as CSV (SPEC §4). */
function answer(
  req: Request,
  res: Response,
  name: string,
  report: object,
  list: unknown[],
  columns: string[],
): object | string {
  res.vary('Accept');
  if (req.accepts(['application/json', 'text/csv']) !== 'text/csv') return report;
  res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
  return toCsv(columns, list);
}

const minPosition = ApiQuery({
  name: 'minPosition',
  required: false,
  description: 'Wait (≤ 5 s) until the reports include this global position; else 503 PROJECTION_BEHIND',
});
const asOf = ApiQuery({
  name: 'asOf',
  required: false,
  description: 'Business time the report is as of (ISO-8601); default now',
});
const from = ApiQuery({
  name: 'from',
  required: true,
  description: 'Start of the period [from, to), business time',
});
const to = ApiQuery({ name: 'to', required: true, description: 'End of the period [from, to), excluded' });

@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller('reports')
@Allowed('supervisor', 'analyst', 'auditor')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('rep-workload')
  @asOf
  @minPosition
  async repWorkload(
    @Query(new ZodPipe(repWorkloadQuery)) q: RepWorkloadQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.reports.repWorkload(q);
    return answer(req, res, 'rep-workload', report, report.correspondents, REP_WORKLOAD_COLUMNS);
  }

  @Get('goodwill')
  @from
  @to
  @minPosition
  async goodwill(
    @Query(new ZodPipe(goodwillQuery)) q: GoodwillQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.reports.goodwill(q);
    return answer(req, res, 'goodwill', report, report.staff, GOODWILL_COLUMNS);
  }

  @Get('follow-through')
  @from
  @to
  @asOf
  @minPosition
  async followThrough(
    @Query(new ZodPipe(followThroughQuery)) q: FollowThroughQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.reports.followThrough(q);
    return answer(req, res, 'follow-through', report, report.correspondents, FOLLOW_THROUGH_COLUMNS);
  }
}
