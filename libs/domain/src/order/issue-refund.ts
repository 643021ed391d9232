import { checkAccountability, checkCaseExists } from '../case/case.guards.js';
import { actsAsSupervisor, checkActorActive } from '../shared/actor.js';
import { checkIssues, DomainError, validationFailed } from '../shared/domain-error.js';
import { checkOccurredAt } from '../shared/time.js';
import { isPositiveCents, issueUnless } from '../shared/validation.js';
import type { IssueRefund } from './order.commands.js';
import type { RefundIssued } from './order.events.js';
import { refundableCents, type OrderState } from './order.state.js';

/** The refund rules in the spec's order, after the case (404) and accountability (403). */
function checkOrder(command: IssueRefund, order: OrderState): DomainError | undefined {
  const { data, metadata, context } = command;
  const { orderId, amountCents } = data;
  if (!order.placed) return new DomainError('UNKNOWN_ORDER', `Order ${orderId} is not known`, { orderId });
  if (order.cancelled)
    return new DomainError('ORDER_CANCELLED', `Order ${orderId} was cancelled`, { orderId });
  const refundable = refundableCents(order);
  if (amountCents > refundable) {
    return new DomainError(
      'REFUND_EXCEEDS_ORDER',
      `Refunds would exceed the order total of ${order.totalCents} cents`,
      {
        orderId,
        amountCents,
        totalCents: order.totalCents,
        refundedCents: order.refundedCents,
        refundableCents: refundable,
      },
    );
  }
  const limit = context.standards.refundLimitCents;
  if (!actsAsSupervisor(metadata.actor.roles) && amountCents > limit) {
    return new DomainError('REFUND_LIMIT_EXCEEDED', `Above the refund limit of ${limit} cents`, {
      amountCents,
      limitCents: limit,
      standardsVersion: context.standards.version,
    });
  }
  return undefined;
}

/** No restocking fee, no waiting period: the command issues the refund. */
export function issueRefund(command: IssueRefund, order: OrderState): RefundIssued[] | DomainError {
  const { data, metadata, context } = command;
  const failed =
    checkIssues(
      issueUnless(isPositiveCents(data.amountCents), 'amountCents', 'A positive whole number of cents'),
    ) ??
    checkOccurredAt(metadata.occurredAt, metadata.now) ??
    checkCaseExists(context.case, data.caseId) ??
    checkActorActive(metadata.actor) ??
    checkAccountability(metadata.actor, context.case) ??
    checkOrder(command, order);
  if (failed) return failed;
  if (order.refundIds.includes(data.refundId)) {
    return validationFailed([
      { path: 'refundId', message: `Refund ${data.refundId} already exists on this order` },
    ]);
  }
  const { refundId, orderId, caseId, amountCents, reason } = data;
  return [
    {
      type: 'RefundIssued',
      data: { refundId, orderId, caseId, amountCents, reason, issuedBy: metadata.actor.id },
    },
  ];
}
