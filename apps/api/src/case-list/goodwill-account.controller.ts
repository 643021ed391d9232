import { Controller, ForbiddenException, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { id, month } from '#application';
import { goodwillAccountMonth } from '#projections';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { Allowed } from '../auth/roles.js';
import { ZodPipe } from '../http/zod-body.pipe.js';
import { ReportsService } from '../reports/reports.service.js';
import { READ_MODELS_POOL } from './standards.controller.js';

const minPositionQuery = z.strictObject({
  minPosition: z
    .string()
    .regex(/^\d{1,15}$/, 'A non-negative whole number')
    .transform(Number)
    .optional(),
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
  @ApiOperation({
    summary: "A staff member's goodwill account for a month (YYYY-MM)",
    description:
      'Answers { staffId, month, budgetCents, grantedCents, grants, remainingCents }. A correspondent may read only their own ' +
      'account (403 FORBIDDEN otherwise); supervisors, auditors and analysts read any.',
  })
  @ApiQuery({ name: 'minPosition', required: false, description: 'Wait (≤ 5 s) for this global position' })
  async show(
    @CurrentCaller() caller: Caller,
    @Param('staffId', new ZodPipe(id)) staffId: string,
    @Param('month', new ZodPipe(month)) forMonth: string,
    @Query(new ZodPipe(minPositionQuery)) q: z.output<typeof minPositionQuery>,
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
