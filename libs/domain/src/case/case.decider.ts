import type { Decider } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { CaseCommand } from './case.commands.js';
import type { CaseEvent } from './case.events.js';
import { evolveCase, initialCaseState, type CaseState } from './case.state.js';
import { completeFollowUp, promiseFollowUp, sendResponse } from './correspondence.js';
import { recordSatisfaction, reopenCase, resolveCase } from './resolution.js';
import { assignCase, sortCase } from './sort-case.js';

export function decideCase(command: CaseCommand, state: CaseState): CaseEvent[] | DomainError {
  switch (command.type) {
    case 'SortCase':
      return sortCase(command, state);
    case 'AssignCase':
      return assignCase(command, state);
    case 'SendResponse':
      return sendResponse(command, state);
    case 'PromiseFollowUp':
      return promiseFollowUp(command, state);
    case 'CompleteFollowUp':
      return completeFollowUp(command, state);
    case 'ResolveCase':
      return resolveCase(command, state);
    case 'ReopenCase':
      return reopenCase(command, state);
    case 'RecordSatisfaction':
      return recordSatisfaction(command, state);
    default:
      return assertNever(command);
  }
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
};
