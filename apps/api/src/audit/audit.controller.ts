import { Controller, Get, HttpException, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { findAuditEvents, verifyChains, type AuditLog } from '#audit';
import { Allowed } from '../auth/roles.js';
import { count, envelope, position } from '../http/openapi/answers.js';
import { Documented } from '../http/openapi/documented.js';
import { auditEventsQuery, type AuditEventsQueryParams } from './audit-events.query.js';
import { AUDIT_LOG } from './audit.providers.js';

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

const VERIFY_RETRY_AFTER_S = 5;

/** The auditor's routes (SPEC §4, §7); admin passes the guard too. Reads only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Allowed('auditor')
export class AuditController {
  private verifying = false;

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
    // One walk of the whole log at a time: each holds a connection and a snapshot for as long as
    // the log is long, so parallel ones only slow each other and the commands down.
    if (this.verifying) {
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
    this.verifying = true;
    try {
      return await verifyChains(this.log.eventsInChainOrder());
    } finally {
      this.verifying = false;
    }
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
