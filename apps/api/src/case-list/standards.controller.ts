import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CLOCK, isoInstant, type Clock } from '#application';
import { standardsInForce } from '#projections';
import { Allowed, EVERY_ROLE } from '../auth/roles.js';
import { ZodPipe } from '../http/zod-body.pipe.js';
import { ReportsService } from '../reports/reports.service.js';

export const READ_MODELS_POOL = Symbol('ReadModelsPool');

const standardsQuery = z.strictObject({
  at: isoInstant.optional(),
  minPosition: z
    .string()
    .regex(/^\d{1,15}$/, 'A non-negative whole number')
    .transform(Number)
    .optional(),
});

/** What every role is judged by: the limits a correspondent sees before granting goodwill or a refund. */
@ApiTags('department')
@ApiBearerAuth()
@Controller('standards')
@Allowed(...EVERY_ROLE)
export class StandardsController {
  constructor(
    @Inject(READ_MODELS_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The service standards in force at an instant (default now)',
    description:
      'Answers { version, since, firstResponseHours, goodwillPctOfSalesGuideline, goodwillPerGrantLimitCents, refundLimitCents }; since is null for the defaults.',
  })
  @ApiQuery({ name: 'at', required: false, description: 'Business time, ISO-8601; default now' })
  @ApiQuery({ name: 'minPosition', required: false, description: 'Wait (≤ 5 s) for this global position' })
  async show(@Query(new ZodPipe(standardsQuery)) q: z.output<typeof standardsQuery>) {
    await this.reports.caughtUpWith(q.minPosition);
    return standardsInForce(this.pool, q.at ?? this.clock.now());
  }
}
