import { Controller, Get, HttpException, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { findAuditEvents, type AuditLog } from '#audit';
import { Allowed } from '../auth/roles.js';
import { count, envelope, instant, position } from '../http/openapi/answers.js';
import { Documented } from '../http/openapi/documented.js';
import { auditEventsQuery, type AuditEventsQueryParams } from './audit-events.query.js';
import { AUDIT_LOG } from './audit.providers.js';
import { VerificationRuns } from './verification-runs.js';

const verification = z.object({
  ok: z.boolean(),
  streamsChecked: count,
  eventsChecked: count,
  firstBreak: z
    .object({
      streamId: z.string(),
      streamRevision: count,
      reason: z.enum(['revision_gap', 'prev_hash_mismatch', 'hash_mismatch']),
    })
    .optional(),
});

const verificationStatus = z.object({
  running: z.boolean(),
  eventsTotal: count
    .nullable()
    .meta({ description: 'Events in the log when the run started; null until counted' }),
  eventsChecked: count,
  streamsChecked: count,
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
});

const VERIFY_RETRY_AFTER_S = 5;

/** The auditor's routes (SPEC §4, §7); admin passes the guard too. Reads only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Allowed('auditor')
export class AuditController {
  private readonly runs = new VerificationRuns();

  constructor(@Inject(AUDIT_LOG) private readonly log: AuditLog) {}

  @Get('verify')
  @Documented({
    summary: 'Recompute every hash chain (SPEC §7)',
    description:
      'firstBreak { streamId, streamRevision, reason } is the first break ' +
      'in (streamId by code point, streamRevision) order; reason is revision_gap (revisions before this one are missing), ' +
      'prev_hash_mismatch (the link to the previous event was rewritten) or hash_mismatch (this event was changed). ' +
      'Reads the whole log from one snapshot, in constant memory. One verification at a time: another one asked meanwhile ' +
      'is answered 429 VERIFY_IN_PROGRESS with Retry-After.',
    answers: { 200: verification },
    errors: ['VERIFY_IN_PROGRESS'],
  })
  async verify(@Res({ passthrough: true }) res: Response) {
    const run = this.runs.start(this.log);
    if (!run) {
      res.setHeader('Retry-After', String(VERIFY_RETRY_AFTER_S));
      throw new HttpException(
        {
          statusCode: 429,
          code: 'VERIFY_IN_PROGRESS',
          message: `A verification is already running; retry after ${VERIFY_RETRY_AFTER_S} s`,
        },
        429,
      );
    }
    return await run;
  }

  @Get('verify/progress')
  @Documented({
    summary: 'How far the chain verification has got',
    description:
      'The run going now (running: true), else the last one that finished; eventsChecked of eventsTotal, the ' +
      'events counted when it started (events appended since are not in its snapshot). What a progress bar polls ' +
      'while GET /audit/verify is answered. Not part of SPEC §4: an addition for the console (issue 22).',
    answers: { 200: verificationStatus },
  })
  progress() {
    return this.runs.current;
  }

  @Get('events')
  @Documented({
    summary: 'The audit trail: envelopes in global order, filtered and paged',
    description:
      'Pass next as `after` for the following page; null on the last page. ' +
      'Every filter given must match. from/to select by BUSINESS time (occurredAt), as the half-open period [from, to).',
    answers: { 200: z.object({ events: z.array(envelope), next: position.nullable() }) },
  })
  events(@Query({ schema: auditEventsQuery }) q: AuditEventsQueryParams) {
    return findAuditEvents(this.log, q);
  }
}
