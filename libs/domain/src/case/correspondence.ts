import { DomainError, validationFailed } from '../shared/domain-error.js';
import { checkCaseCommand } from './case.guards.js';
import type { CompleteFollowUp, PromiseFollowUp, SendResponse } from './case.commands.js';
import type { FollowUpCompleted, FollowUpPromised, ResponseSent } from './case.events.js';
import type { CaseState } from './case.state.js';

export function sendResponse(command: SendResponse, state: CaseState): ResponseSent[] | DomainError {
  const { data, metadata } = command;
  const failed = checkCaseCommand('SendResponse', data.caseId, metadata, state);
  if (failed) return failed;
  const { caseId, channel, summary } = data;
  return [{ type: 'ResponseSent', data: { caseId, channel, summary, respondedBy: metadata.actor.id } }];
}

export function promiseFollowUp(
  command: PromiseFollowUp,
  state: CaseState,
): FollowUpPromised[] | DomainError {
  const { data, metadata } = command;
  const failed = checkCaseCommand('PromiseFollowUp', data.caseId, metadata, state);
  if (failed) return failed;
  const { caseId, followUpId, dueAt, description } = data;
  // A followUpId names one promise for good: reusing it would silently reset a completed one.
  if (state.followUps.some((f) => f.followUpId === followUpId)) {
    return validationFailed([
      { path: 'followUpId', message: `Follow-up ${followUpId} was already promised on this case` },
    ]);
  }
  return [
    {
      type: 'FollowUpPromised',
      data: { caseId, followUpId, dueAt, description, promisedBy: metadata.actor.id },
    },
  ];
}

export function completeFollowUp(
  command: CompleteFollowUp,
  state: CaseState,
): FollowUpCompleted[] | DomainError {
  const { data, metadata } = command;
  const failed = checkCaseCommand('CompleteFollowUp', data.caseId, metadata, state);
  if (failed) return failed;
  const { caseId, followUpId, note } = data;
  const followUp = state.followUps.find((f) => f.followUpId === followUpId);
  if (!followUp) {
    return new DomainError(
      'FOLLOW_UP_NOT_FOUND',
      `Follow-up ${followUpId} does not exist on case ${caseId}`,
      { caseId, followUpId },
    );
  }
  if (followUp.status === 'completed') {
    return new DomainError('ALREADY_COMPLETED', `Follow-up ${followUpId} is already completed`, {
      caseId,
      followUpId,
    });
  }
  return [
    {
      type: 'FollowUpCompleted',
      data: { caseId, followUpId, completedBy: metadata.actor.id, ...(note !== undefined ? { note } : {}) },
    },
  ];
}
