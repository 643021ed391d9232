import { DomainError } from '../shared/domain-error.js';
import type { CaseContactRepeated, CasePriorityRaised } from './case.events.js';
import { isOpen, type CaseState } from './case.state.js';
import { nextPriority, type Channel } from './case.values.js';

export const REPEAT_CONTACT_REASON = 'repeat contact';

/**
 * The same complainant wrote again about an open case: record it, and escalate a sorted case one
 * priority step (capped at urgent). A never-sorted case has no priority to raise.
 */
export function repeatContact(
  state: CaseState,
  contact: { channel: Channel; body: string },
): Array<CaseContactRepeated | CasePriorityRaised> | DomainError {
  if (!state.exists)
    return new DomainError('CASE_NOT_FOUND', `Case ${state.caseId} does not exist`, { caseId: state.caseId });
  if (!isOpen(state))
    return new DomainError('CASE_NOT_OPEN', `Case ${state.caseId} is not open`, { caseId: state.caseId });
  const { caseId } = state;
  const repeated: CaseContactRepeated = {
    type: 'CaseContactRepeated',
    data: { caseId, channel: contact.channel, body: contact.body },
  };
  if (state.priority === null) return [repeated];
  const to = nextPriority(state.priority);
  if (to === null) return [repeated];
  return [
    repeated,
    { type: 'CasePriorityRaised', data: { caseId, from: state.priority, to, reason: REPEAT_CONTACT_REASON } },
  ];
}
