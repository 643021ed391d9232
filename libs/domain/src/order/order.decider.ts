import type { Decider } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import { issueRefund } from './issue-refund.js';
import type { OrderCommand } from './order.commands.js';
import type { OrderEvent } from './order.events.js';
import { evolveOrder, initialOrderState, type OrderState } from './order.state.js';

export function decideOrder(command: OrderCommand, state: OrderState): OrderEvent[] | DomainError {
  switch (command.type) {
    case 'RecordOrderFact':
      // Upstream facts are facts: recorded as they come, judged by nobody here.
      return [command.data.event];
    case 'IssueRefund':
      return issueRefund(command, state);
    default:
      return assertNever(command);
  }
}

export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  decide: decideOrder,
  evolve: evolveOrder,
  initialState: initialOrderState,
};
