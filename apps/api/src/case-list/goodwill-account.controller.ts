import { Controller, ForbiddenException, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { id, month } from '#application';
import { goodwillAccountMonth } from '#projections';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { Allowed } from '../auth/roles.js';
import { Documented } from '../http/openapi/documented.js';
import { consoleReadsDocs as docs } from './case-list.openapi.js';
import { minPosition } from '../reports/report-queries.schemas.js';
import { ReportsService } from '../reports/reports.service.js';
import { READ_MODELS_POOL } from './standards.controller.js';

const minPositionQuery = z.strictObject({
  minPosition,
});

/** What is left of a goodwill account this month: shown before a grant, so nobody is surprised by a refusal. */
@ApiTags('department')
@ApiBearerAuth()
@Controller('goodwill-budgets')
@Allowed('correspondent', 'supervisor', 'auditor', 'analyst')
export class GoodwillAccountController {
  constructor(
    @Inject(READ_MODELS_POOL) private readonly pool: Pool,
    private readonly reports: ReportsService,
  ) {}

  @Get(':staffId/:month')
  @Documented(docs.goodwillAccount)
  async show(
    @CurrentCaller() caller: Caller,
    @Param('staffId', { schema: id }) staffId: string,
    @Param('month', { schema: month }) forMonth: string,
    @Query({ schema: minPositionQuery }) q: z.output<typeof minPositionQuery>,
  ) {
    const seesAll = caller.roles.some(
      (r) => r === 'admin' || r === 'supervisor' || r === 'auditor' || r === 'analyst',
    );
    if (!seesAll && caller.id !== staffId) {
      throw new ForbiddenException({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'A correspondent may read only their own goodwill account',
      });
    }
    await this.reports.caughtUpWith(q.minPosition);
    return goodwillAccountMonth(this.pool, staffId, forMonth);
  }
}
