import type { CaseState } from '../case/case.state.js';
import type { CommandMetadata } from '../shared/command.js';
import type { ServiceStandards } from '../standards/service-standards.js';
import type { UpstreamOrderEvent } from './order.events.js';

/** An upstream fact, recorded as it comes (it carries its own occurredAt; dedup is by eventId, in the store). */
export type RecordOrderFact = {
  type: 'RecordOrderFact';
  data: { event: UpstreamOrderEvent };
  metadata?: CommandMetadata;
};

/** Judged on `order-{orderId}`. */
export type IssueRefund = {
  type: 'IssueRefund';
  data: { caseId: string; refundId: string; orderId: string; amountCents: number; reason: string };
  metadata: CommandMetadata;
  context: { case: CaseState; standards: ServiceStandards };
};

export type OrderCommand = RecordOrderFact | IssueRefund;
