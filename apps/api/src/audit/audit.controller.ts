import { Controller, Get, Inject, Query } from '@nestjs/common';
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

/** The auditor's routes (SPEC §4, §7); admin passes the guard too. Reads only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Allowed('auditor')
export class AuditController {
  constructor(@Inject(AUDIT_LOG) private readonly log: AuditLog) {}

  @Get('verify')
  @Documented({
    summary: 'Recompute every hash chain (SPEC §7)',
    description:
      'firstBreak { streamId, streamRevision, reason } is the first break ' +
      'in (streamId by code point, streamRevision) order; reason is revision_gap (revisions before this one are missing), ' +
      'prev_hash_mismatch (the link to the previous event was rewritten) or hash_mismatch (this event was changed). ' +
      'Reads the whole log from one snapshot, in constant memory.',
    answers: { 200: verification },
  })
  verify() {
    return verifyChains(this.log.eventsInChainOrder());
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
