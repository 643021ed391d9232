import { DomainError } from '../shared/domain-error.js';
import { checkCaseCommand } from './case.guards.js';
import type { RecordSatisfaction, ReopenCase, ResolveCase } from './case.commands.js';
import type { CaseReopened, CaseResolved, SatisfactionRecorded } from './case.events.js';
import { pendingFollowUps, type CaseState } from './case.state.js';

/** Needs a response (since the last reopen) and no promise left open. */
export function resolveCase(command: ResolveCase, state: CaseState): CaseResolved[] | DomainError {
  const { data, metadata } = command;
  const failed = checkCaseCommand('ResolveCase', data.caseId, metadata, state);
  if (failed) return failed;
  const { caseId, resolution } = data;
  if (state.responsesSinceReopen === 0) {
    const since = state.timesReopened > 0 ? ' since it was reopened' : '';
    return new DomainError('NO_RESPONSE_SENT', `No response was sent on case ${caseId}${since}`, { caseId });
  }
  const pending = pendingFollowUps(state);
  if (pending.length > 0) {
    return new DomainError('OPEN_FOLLOW_UPS', `Case ${caseId} has follow-ups not completed`, {
      caseId,
      followUpIds: pending.map((f) => f.followUpId),
    });
  }
  return [{ type: 'CaseResolved', data: { caseId, resolution, resolvedBy: metadata.actor.id } }];
}

export function checkResolved(state: CaseState): DomainError | undefined {
  return state.status === 'resolved'
    ? undefined
    : new DomainError('CASE_NOT_RESOLVED', `Case ${state.caseId} is not resolved`, { caseId: state.caseId });
}

export function reopenCase(command: ReopenCase, state: CaseState): CaseReopened[] | DomainError {
  const { data, metadata } = command;
  const failed = checkCaseCommand('ReopenCase', data.caseId, metadata, state) ?? checkResolved(state);
  if (failed) return failed;
  return [{ type: 'CaseReopened', data: { caseId: data.caseId, reason: data.reason } }];
}

/** Once per resolution: a reopen and a new resolution may be rated again. */
export function recordSatisfaction(
  command: RecordSatisfaction,
  state: CaseState,
): SatisfactionRecorded[] | DomainError {
  const { data, metadata } = command;
  const failed = checkCaseCommand('RecordSatisfaction', data.caseId, metadata, state) ?? checkResolved(state);
  if (failed) return failed;
  const { caseId, rating, comment } = data;
  if (state.ratedThisResolution) {
    return new DomainError('ALREADY_RATED', `This resolution of case ${caseId} is already rated`, {
      caseId,
      rating: state.rating,
    });
  }
  return [
    { type: 'SatisfactionRecorded', data: { caseId, rating, ...(comment !== undefined ? { comment } : {}) } },
  ];
}
