import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { findAuditEvents, verifyChains, type AuditLog } from '#audit';
import { Allowed } from '../auth/roles.js';
import { ZodPipe } from '../http/zod-body.pipe.js';
import { auditEventsQuery, type AuditEventsQueryParams } from './audit-events.query.js';
import { AUDIT_LOG } from './audit.providers.js';

const query = (name: string, description: string) => ApiQuery({ name, required: false, description });

/** The auditor's routes (SPEC §4, §7); admin passes the guard too. Reads only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Allowed('auditor')
export class AuditController {
  constructor(@Inject(AUDIT_LOG) private readonly log: AuditLog) {}

  @Get('verify')
  @ApiOperation({
    summary: 'Recompute every hash chain (SPEC §7)',
    description:
      'Answers { ok, streamsChecked, eventsChecked, firstBreak? }. firstBreak { streamId, streamRevision, reason } is the first break ' +
      'in (streamId by code point, streamRevision) order; reason is revision_gap (revisions before this one are missing), ' +
      'prev_hash_mismatch (the link to the previous event was rewritten) or hash_mismatch (this event was changed). ' +
      'Reads the whole log from one snapshot, in constant memory.',
  })
  verify() {
    return verifyChains(this.log.eventsInChainOrder());
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
