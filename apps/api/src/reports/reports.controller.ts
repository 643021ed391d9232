import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allowed } from '../auth/roles.js';
import { Documented } from '../http/openapi/documented.js';
import { FOLLOW_THROUGH_COLUMNS, GOODWILL_COLUMNS, REP_WORKLOAD_COLUMNS, toCsv } from './report-csv.js';
import {
  followThroughQuery,
  goodwillQuery,
  repWorkloadQuery,
  type FollowThroughQuery,
  type GoodwillQuery,
  type RepWorkloadQuery,
} from './report-queries.schemas.js';
import { reportsDocs as docs } from './reports.openapi.js';
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

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
@Allowed('supervisor', 'analyst', 'auditor')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('rep-workload')
  @Documented(docs.repWorkload)
  async repWorkload(
    @Query({ schema: repWorkloadQuery }) q: RepWorkloadQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.reports.repWorkload(q);
    return answer(req, res, 'rep-workload', report, report.correspondents, REP_WORKLOAD_COLUMNS);
  }

  @Get('goodwill')
  @Documented(docs.goodwill)
  async goodwill(
    @Query({ schema: goodwillQuery }) q: GoodwillQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.reports.goodwill(q);
    return answer(req, res, 'goodwill', report, report.staff, GOODWILL_COLUMNS);
  }

  @Get('follow-through')
  @Documented(docs.followThrough)
  async followThrough(
    @Query({ schema: followThroughQuery }) q: FollowThroughQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.reports.followThrough(q);
    return answer(req, res, 'follow-through', report, report.correspondents, FOLLOW_THROUGH_COLUMNS);
  }
}
