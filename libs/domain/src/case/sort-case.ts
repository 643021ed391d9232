import { checkIssues, DomainError } from '../shared/domain-error.js';
import { isLevel, issueUnless } from '../shared/validation.js';
import { isActiveCorrespondent, type StaffMemberState } from '../staff/staff.state.js';
import { chooseAssignee } from './auto-assignment.js';
import { checkCaseCommand } from './case.guards.js';
import type { AssignCase, SortCase } from './case.commands.js';
import type { CaseAssigned, CaseSorted } from './case.events.js';
import type { CaseState } from './case.state.js';
import type { AssignmentReason } from './case.values.js';

/** An explicit assignee must be an active correspondent; skill is the sorter's judgment (SPEC §3). */
export function checkExplicitAssignee(
  assigneeId: string,
  record: StaffMemberState | null,
): DomainError | undefined {
  if (record !== null && record.staffId === assigneeId && isActiveCorrespondent(record)) return undefined;
  return new DomainError('NOT_A_CORRESPONDENT', `${assigneeId} is not an active correspondent`, {
    assigneeId,
  });
}

/** CaseAssigned when the assignee changes; nothing when it stays. */
export function assignmentChange(
  state: CaseState,
  caseId: string,
  assigneeId: string,
  reason: AssignmentReason,
): CaseAssigned[] {
  if (state.assigneeId === assigneeId) return [];
  const previous = state.assigneeId !== null ? { previousAssigneeId: state.assigneeId } : {};
  return [{ type: 'CaseAssigned', data: { caseId, assigneeId, ...previous, reason } }];
}

/** Sorting (and re-sorting) records the triage and assigns: to the given assignee, else by auto-assignment. */
export function sortCase(
  command: SortCase,
  state: CaseState,
): Array<CaseSorted | CaseAssigned> | DomainError {
  const { data, metadata, context } = command;
  const invalid = checkIssues(
    issueUnless(isLevel(data.complexity), 'complexity', 'A whole number from 1 to 5'),
  );
  const failed = invalid ?? checkCaseCommand('SortCase', data.caseId, metadata, state);
  if (failed) return failed;

  let assigneeId: string;
  if (data.assigneeId !== undefined) {
    const notCorrespondent = checkExplicitAssignee(data.assigneeId, context.assignee);
    if (notCorrespondent) return notCorrespondent;
    assigneeId = data.assigneeId;
  } else {
    const chosen = chooseAssignee(context.workload, data.complexity);
    if (chosen === null) {
      return new DomainError(
        'NO_QUALIFIED_CORRESPONDENT',
        `No active correspondent with skill ≥ ${data.complexity}`,
        {
          complexity: data.complexity,
        },
      );
    }
    assigneeId = chosen;
  }

  const { caseId, category, complexity, priority } = data;
  const sorted: CaseSorted = {
    type: 'CaseSorted',
    data: { caseId, category, complexity, priority, sortedBy: metadata.actor.id },
  };
  return [sorted, ...assignmentChange(state, caseId, assigneeId, 'sort')];
}

export function assignCase(command: AssignCase, state: CaseState): CaseAssigned[] | DomainError {
  const { data, metadata, context } = command;
  const failed =
    checkCaseCommand('AssignCase', data.caseId, metadata, state) ??
    checkExplicitAssignee(data.assigneeId, context.assignee);
  if (failed) return failed;
  return assignmentChange(state, data.caseId, data.assigneeId, data.reason);
}
