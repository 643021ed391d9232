import { checkAccountability, checkCaseExists } from '../case/case.guards.js';
import { actsAsSupervisor, checkActorActive } from '../shared/actor.js';
import { checkIssues, DomainError, validationFailed, type ValidationIssue } from '../shared/domain-error.js';
import { checkOccurredAt, monthOf } from '../shared/time.js';
import { isPositiveCents, issueUnless } from '../shared/validation.js';
import { isActiveCorrespondent } from '../staff/staff.state.js';
import type { GrantGoodwill } from './goodwill.commands.js';
import type { GoodwillGranted } from './goodwill.events.js';
import { remainingBudget, type GoodwillAccountState } from './goodwill.state.js';

/** Body-level checks that come before every rule; the staffId one depends on the actor's role. */
function validate(command: GrantGoodwill, supervisor: boolean): DomainError | undefined {
  const { data } = command;
  const issues: ValidationIssue[] = [
    ...issueUnless(
      !supervisor || data.staffId !== undefined,
      'staffId',
      "A supervisor's grant must name the staffId debited",
    ),
    ...issueUnless(isPositiveCents(data.amountCents), 'amountCents', 'A positive whole number of cents'),
    ...issueUnless(data.kind !== 'product' || data.sku !== undefined, 'sku', 'Required for kind product'),
    ...issueUnless(
      data.kind !== 'product' ||
        (data.quantity !== undefined && Number.isSafeInteger(data.quantity) && data.quantity > 0),
      'quantity',
      'A positive whole number, required for kind product',
    ),
  ];
  return checkIssues(issues);
}

/** A correspondent grants on their own account, on their own case; a supervisor on any active correspondent's. */
function checkWhoIsDebited(command: GrantGoodwill, supervisor: boolean): DomainError | undefined {
  const { data, metadata, context } = command;
  const { actor } = metadata;
  if (!supervisor) {
    const notAssignee = checkAccountability(actor, context.case);
    if (notAssignee) return notAssignee;
    if (data.staffId !== undefined && data.staffId !== actor.id) {
      return new DomainError('NOT_ASSIGNEE', `${actor.id} may grant goodwill only on their own account`, {
        staffId: data.staffId,
      });
    }
    return undefined;
  }
  const staffId = data.staffId as string;
  if (context.debited.staffId === staffId && isActiveCorrespondent(context.debited)) return undefined;
  return new DomainError('NOT_A_CORRESPONDENT', `${staffId} is not an active correspondent`, { staffId });
}

/**
 * Debits the month of occurredAt. A correspondent is refused above the per-grant limit, then above
 * the remaining budget (exactly the remaining budget is allowed); a supervisor is never refused by
 * either: the grant records who approved it and whether it went over budget.
 */
export function grantGoodwill(
  command: GrantGoodwill,
  state: GoodwillAccountState,
): GoodwillGranted[] | DomainError {
  const { data, metadata, context } = command;
  const supervisor = actsAsSupervisor(metadata.actor.roles);
  const failed =
    validate(command, supervisor) ??
    checkOccurredAt(metadata.occurredAt, metadata.now) ??
    checkCaseExists(context.case, data.caseId) ??
    checkActorActive(metadata.actor) ??
    checkWhoIsDebited(command, supervisor);
  if (failed) return failed;

  const staffId = supervisor ? (data.staffId as string) : metadata.actor.id;
  const month = monthOf(metadata.occurredAt);
  const remaining = remainingBudget(state, month);
  const overBudget = data.amountCents > remaining;
  if (!supervisor) {
    const limit = context.standards.goodwillPerGrantLimitCents;
    if (data.amountCents > limit) {
      return new DomainError('GOODWILL_LIMIT_EXCEEDED', `Above the per-grant limit of ${limit} cents`, {
        amountCents: data.amountCents,
        limitCents: limit,
        standardsVersion: context.standards.version,
      });
    }
    if (overBudget) {
      return new DomainError(
        'GOODWILL_BUDGET_EXCEEDED',
        `Above the remaining goodwill budget of ${remaining} cents for ${month}`,
        {
          amountCents: data.amountCents,
          remainingCents: remaining,
          month,
        },
      );
    }
  }
  if (state.grantIds.includes(data.grantId)) {
    return validationFailed([
      { path: 'grantId', message: `Grant ${data.grantId} already exists on this account` },
    ]);
  }

  const { grantId, caseId, kind, amountCents, sku, quantity, reason } = data;
  return [
    {
      type: 'GoodwillGranted',
      data: {
        grantId,
        staffId,
        caseId,
        kind,
        amountCents,
        ...(sku !== undefined ? { sku } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
        reason,
        ...(supervisor ? { approvedBy: metadata.actor.id } : {}),
        overBudget: supervisor && overBudget,
      },
    },
  ];
}
