import { Controller, Get, HttpException, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { findAuditEvents, verifyChains, type AuditLog } from '#audit';
import { Allowed } from '../auth/roles.js';
import { ZodPipe } from '../http/zod-body.pipe.js';
import { auditEventsQuery, type AuditEventsQueryParams } from './audit-events.query.js';
import { AUDIT_LOG } from './audit.providers.js';

const VERIFY_RETRY_AFTER_S = 5;

const query = (name: string, description: string) => ApiQuery({ name, required: false, description });

/** The auditor's routes (SPEC §4, §7); admin passes the guard too. Reads only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Allowed('auditor')
export class AuditController {
  private verifying = false;

  constructor(@Inject(AUDIT_LOG) private readonly log: AuditLog) {}

  @Get('verify')
  @ApiOperation({
    summary: 'Recompute every hash chain (SPEC §7)',
    description:
      'Answers { ok, streamsChecked, eventsChecked, firstBreak? }. firstBreak { streamId, streamRevision, reason } is the first break ' +
      'in (streamId by code point, streamRevision) order; reason is revision_gap (revisions before this one are missing), ' +
      'prev_hash_mismatch (the link to the previous event was rewritten) or hash_mismatch (this event was changed). ' +
      'Reads the whole log from one snapshot, in constant memory. One verification at a time: another one asked meanwhile ' +
      'is answered 429 VERIFY_IN_PROGRESS with Retry-After.',
  })
  async verify(@Res({ passthrough: true }) res: Response) {
    // One walk of the whole log at a time: each holds a connection and a snapshot for as long as
    // the log is long, so parallel ones only slow each other and the commands down.
    if (this.verifying) {
      res.setHeader('Retry-After', String(VERIFY_RETRY_AFTER_S));
      throw new HttpException(
        { statusCode: 429, code: 'VERIFY_IN_PROGRESS', message: `A verification is already running; retry after ${VERIFY_RETRY_AFTER_S} s` },
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
  @ApiOperation({
    summary: 'The audit trail: envelopes in global order, filtered and paged',
    description:
      'Answers { events: [envelope…], next }: pass next as `after` for the following page; null on the last page. ' +
      'Every filter given must match. from/to select by BUSINESS time (occurredAt), as the half-open period [from, to).',
  })
  @query('actorId', 'metadata.actorId: who decided (staffId or system name)')
  @query('type', 'Event type, e.g. GoodwillGranted')
  @query('streamId', 'e.g. case-{caseId}, goodwill-{staffId}, order-{orderId}')
  @query('from', 'Business time (occurredAt), ISO-8601, included')
  @query('to', 'Business time (occurredAt), ISO-8601, excluded; after from')
  @query('after', 'Global position, exclusive: the `next` of the previous page; default 0')
  @query('limit', 'Events per page, 1–1000, default 100')
  events(@Query(new ZodPipe(auditEventsQuery)) q: AuditEventsQueryParams) {
    return findAuditEvents(this.log, q);
  }
}
