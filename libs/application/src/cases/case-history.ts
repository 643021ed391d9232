import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { caseStream } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { ApplicationError } from '../shared/application-error.js';
import { EVENT_STORE } from '../shared/tokens.js';

export class CaseHistoryQuery extends Query<{ caseId: string; events: RecordedEvent[] }> {
  constructor(readonly caseId: string) {
    super();
  }
}

/** What other streams contribute to a case's history (SPEC §4): its goodwill grants and refunds. */
const MONEY_EVENTS = new Set(['GoodwillGranted', 'RefundIssued']);

/**
 * Every event of the case and of its goodwill grants and refunds (they name the case), in global order.
 * Other events that carry the caseId in their data (the complainant stream's ComplainantCaseOpened,
 * our own bookkeeping) are not the case's history.
 */
@QueryHandler(CaseHistoryQuery)
export class CaseHistoryHandler implements IQueryHandler<CaseHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId }: CaseHistoryQuery) {
    const [own, related] = await Promise.all([
      this.store.readStream(caseStream(caseId)),
      this.store.readEventsByCase(caseId),
    ]);
    if (own.length === 0) throw new ApplicationError('CASE_NOT_FOUND', `No case ${caseId}`);
    const byId = new Map(
      [...own, ...related.filter((e) => MONEY_EVENTS.has(e.type))].map((e) => [e.eventId, e]),
    );
    return { caseId, events: [...byId.values()].sort((a, b) => a.globalPosition - b.globalPosition) };
  }
}
