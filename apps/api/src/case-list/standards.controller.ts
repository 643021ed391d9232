import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CLOCK, isoInstant, type Clock } from '#application';
import { standardsInForce } from '#projections';
import { Allowed, EVERY_ROLE } from '../auth/roles.js';
import { Documented } from '../http/openapi/documented.js';
import { consoleReadsDocs as docs } from './case-list.openapi.js';
import { minPosition } from '../reports/report-queries.schemas.js';
import { ReportsService } from '../reports/reports.service.js';

export const READ_MODELS_POOL = Symbol('ReadModelsPool');

const standardsQuery = z.strictObject({
  at: isoInstant.optional().meta({ description: 'Business time, ISO-8601; default now' }),
  minPosition,
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
  @Documented(docs.standards)
  async show(@Query({ schema: standardsQuery }) q: z.output<typeof standardsQuery>) {
    await this.reports.caughtUpWith(q.minPosition);
    return standardsInForce(this.pool, q.at ?? this.clock.now());
  }
}
