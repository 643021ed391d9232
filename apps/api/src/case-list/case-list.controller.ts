import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseListQueries } from '#projections';
import { Allowed, EVERY_ROLE } from '../auth/roles.js';
import { Documented } from '../http/openapi/documented.js';
import { ReportsService } from '../reports/reports.service.js';
import { caseListQuery, type CaseListQueryParams } from './case-list.query-schema.js';
import { consoleReadsDocs as docs } from './case-list.openapi.js';

/** The list of cases every role may read (the console's Cases page), from the case-timeline read model. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
@Allowed(...EVERY_ROLE)
export class CaseListController {
  constructor(
    private readonly cases: CaseListQueries,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  @Documented(docs.caseList)
  async list(@Query({ schema: caseListQuery }) q: CaseListQueryParams) {
    const { minPosition, ...filter } = q;
    await this.reports.caughtUpWith(minPosition);
    return this.cases.list(filter);
  }
}
