import { actsAsSupervisor, checkActorActive, hasRole, type Actor } from '../shared/actor.js';
import type { CommandMetadata } from '../shared/command.js';
import { DomainError } from '../shared/domain-error.js';
import { checkOccurredAt } from '../shared/time.js';
import type { CaseCommand } from './case.commands.js';
import type { CaseState } from './case.state.js';

/**
 * Which of the common checks (SPEC §3 "Order of checks") each case command is subject to.
 * `accountability` lists the roles that are exempt besides supervisors; null: never checked.
 */
interface CommonChecks {
  accountability: readonly string[] | null;
  assigned: boolean;
  open: boolean;
}

// Our documented reading: accountability binds correspondents; intake and integration record
// reopenings and ratings for any case. Sorting and assigning are the sorters' job, on any case.
export const CASE_CHECKS: Record<CaseCommand['type'], CommonChecks> = {
  SortCase: { accountability: null, assigned: false, open: true },
  AssignCase: { accountability: null, assigned: false, open: true },
  SendResponse: { accountability: [], assigned: true, open: true },
  PromiseFollowUp: { accountability: [], assigned: true, open: true },
  CompleteFollowUp: { accountability: [], assigned: false, open: false },
  ResolveCase: { accountability: [], assigned: true, open: true },
  ReopenCase: { accountability: ['intake'], assigned: false, open: false },
  RecordSatisfaction: { accountability: ['intake', 'integration'], assigned: false, open: false },
};

export function checkCaseExists(state: CaseState, caseId: string): DomainError | undefined {
  return state.exists
    ? undefined
    : new DomainError('CASE_NOT_FOUND', `Case ${caseId} does not exist`, { caseId });
}

/** A correspondent may act only on cases assigned to them, also when the case is unassigned. */
export function checkAccountability(
  actor: Actor,
  state: CaseState,
  exemptRoles: readonly string[] = [],
): DomainError | undefined {
  if (actsAsSupervisor(actor.roles) || exemptRoles.some((role) => hasRole(actor, role))) return undefined;
  if (state.assigneeId !== null && state.assigneeId === actor.id) return undefined;
  return new DomainError('NOT_ASSIGNEE', `Case ${state.caseId} is not assigned to ${actor.id}`, {
    caseId: state.caseId,
    assigneeId: state.assigneeId,
  });
}

export function checkAssigned(state: CaseState): DomainError | undefined {
  return state.assigneeId !== null
    ? undefined
    : new DomainError('CASE_NOT_ASSIGNED', `Case ${state.caseId} is not assigned`, { caseId: state.caseId });
}

export function checkOpen(state: CaseState): DomainError | undefined {
  return state.status === 'open'
    ? undefined
    : new DomainError('CASE_NOT_OPEN', `Case ${state.caseId} is not open`, {
        caseId: state.caseId,
        status: state.status,
      });
}

/**
 * The common checks of a case command, in the spec's order: OCCURRED_IN_FUTURE, CASE_NOT_FOUND,
 * STAFF_INACTIVE, NOT_ASSIGNEE, CASE_NOT_ASSIGNED, CASE_NOT_OPEN (each where it applies).
 */
export function checkCaseCommand(
  type: CaseCommand['type'],
  caseId: string,
  metadata: CommandMetadata,
  state: CaseState,
): DomainError | undefined {
  const checks = CASE_CHECKS[type];
  return (
    checkOccurredAt(metadata.occurredAt, metadata.now) ??
    checkCaseExists(state, caseId) ??
    checkActorActive(metadata.actor) ??
    (checks.accountability !== null
      ? checkAccountability(metadata.actor, state, checks.accountability)
      : undefined) ??
    (checks.assigned ? checkAssigned(state) : undefined) ??
    (checks.open ? checkOpen(state) : undefined)
  );
}
