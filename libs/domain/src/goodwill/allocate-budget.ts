import { checkActorActive } from '../shared/actor.js';
import { checkIssues, DomainError } from '../shared/domain-error.js';
import { checkOccurredAt } from '../shared/time.js';
import { isPositiveCents, issueUnless, MONTH_PATTERN } from '../shared/validation.js';
import type { AllocateGoodwillBudget } from './goodwill.commands.js';
import type { GoodwillBudgetAllocated } from './goodwill.events.js';
import type { GoodwillAccountState } from './goodwill.state.js';

/** Allocations for one staff member and month add up. Any registered staff member may hold a budget. */
export function allocateGoodwillBudget(
  command: AllocateGoodwillBudget,
  _state: GoodwillAccountState,
): GoodwillBudgetAllocated[] | DomainError {
  const { data, metadata, context } = command;
  const { staffId, month, amountCents } = data;
  const failed =
    checkIssues([
      ...issueUnless(MONTH_PATTERN.test(month), 'month', 'A month as YYYY-MM'),
      ...issueUnless(isPositiveCents(amountCents), 'amountCents', 'A positive whole number of cents'),
    ]) ??
    checkOccurredAt(metadata.occurredAt, metadata.now) ??
    checkActorActive(metadata.actor);
  if (failed) return failed;
  if (!context.staff.registered || context.staff.staffId !== staffId) {
    return new DomainError('STAFF_NOT_FOUND', `Staff member ${staffId} is not registered`, { staffId });
  }
  return [
    {
      type: 'GoodwillBudgetAllocated',
      data: { staffId, month, amountCents, allocatedBy: metadata.actor.id },
    },
  ];
}
