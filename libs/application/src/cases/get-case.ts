import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { caseDecider, caseStream, EVENT_SCHEMAS, type CaseState } from '#domain';
import { factsOf, type EventStore, type RecordedEvent } from '#event-store';
import { ApplicationError } from '../shared/application-error.js';
import { fold } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';

export interface CaseView {
  caseId: string;
  status: 'open' | 'resolved';
  receivedAt: string;
  channel: string;
  complainant: unknown;
  distributorId: string | null;
  orderId: string | null;
  subject: string;
  category: string | null;
  complexity: number | null;
  priority: string | null;
  assigneeId: string | null;
  responses: number;
  repeatContacts: number;
  followUps: Array<{ followUpId: string; dueAt: string; status: 'pending' | 'completed' }>;
  goodwillCents: number;
  refundsCents: number;
  rating: string | null;
  revision: number;
}

export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    /** What the system knew at this instant (events recorded at or before it). */
    readonly asOf?: string,
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, asOf }: GetCaseQuery): Promise<CaseView> {
    const known = (e: RecordedEvent) => asOf === undefined || e.recordedAt <= asOf;
    const [own, related] = await Promise.all([
      this.store.readStream(caseStream(caseId)),
      this.store.readEventsByCase(caseId),
    ]);
    const loaded = fold(caseDecider, own.filter(known));
    if (loaded.revision < 0) throw new ApplicationError('CASE_NOT_FOUND', `No case ${caseId}`);
    let goodwillCents = 0;
    let refundsCents = 0;
    for (const event of related.filter(known)) {
      const e = EVENT_SCHEMAS.decode(factsOf(event));
      if (e.type === 'GoodwillGranted') goodwillCents += e.data.amountCents;
      else if (e.type === 'RefundIssued') refundsCents += e.data.amountCents;
    }
    return view(loaded.state, loaded.revision, goodwillCents, refundsCents);
  }
}

function view(s: CaseState, revision: number, goodwillCents: number, refundsCents: number): CaseView {
  return {
    caseId: s.caseId,
    status: s.status,
    receivedAt: s.receivedAt,
    channel: s.channel,
    complainant: s.complainant,
    distributorId: s.distributorId,
    orderId: s.orderId,
    subject: s.subject,
    category: s.category,
    complexity: s.complexity,
    priority: s.priority,
    assigneeId: s.assigneeId,
    responses: s.responses,
    repeatContacts: s.repeatContacts,
    followUps: s.followUps.map((f) => ({ followUpId: f.followUpId, dueAt: f.dueAt, status: f.status })),
    goodwillCents,
    refundsCents,
    rating: s.rating,
    revision,
  };
}
