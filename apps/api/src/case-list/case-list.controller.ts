import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CaseListQueries } from '#projections';
import { Allowed, EVERY_ROLE } from '../auth/roles.js';
import { ZodPipe } from '../http/zod-body.pipe.js';
import { ReportsService } from '../reports/reports.service.js';
import { caseListQuery, type CaseListQueryParams } from './case-list.query-schema.js';

const query = (name: string, description: string) => ApiQuery({ name, required: false, description });

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
  @ApiOperation({
    summary: 'List cases, filtered and paged, newest received first',
    description:
      'Answers { cases: [{ caseId, status, receivedAt, channel, complainant, distributorId, subject, category, complexity, ' +
      'priority, assigneeId }], total, limit, offset, position }. Every filter given must match; unknown filters are a 400. ' +
      "Read from the read models (eventually consistent): pass a command's globalPosition as minPosition to read your writes.",
  })
  @query('status', 'open | resolved')
  @query('assigneeId', 'A staffId, or `none` for unassigned cases')
  @query('category', 'product, shipping, billing, commission, autoship, enrollment, return, other')
  @query('priority', 'low, normal, high, urgent (current priority, repeat-contact raises included)')
  @query('channel', 'mail, email, phone, web, chat, social')
  @query('complainantId', "The complainant's id (distributor or customer)")
  @query('receivedFrom', 'Received at or after (business time, ISO-8601)')
  @query('receivedTo', 'Received before (business time, ISO-8601); after receivedFrom')
  @query('subject', 'Words of the subject, case-insensitive')
  @query('limit', `Cases per page, 1–200, default 50`)
  @query('offset', 'Cases to skip, default 0')
  @query(
    'minPosition',
    'Wait (≤ 5 s) until the read models include this global position; else 503 PROJECTION_BEHIND',
  )
  async list(@Query(new ZodPipe(caseListQuery)) q: CaseListQueryParams) {
    const { minPosition, ...filter } = q;
    await this.reports.caughtUpWith(minPosition);
    return this.cases.list(filter);
  }
}
