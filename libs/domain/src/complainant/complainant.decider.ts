import type { CaseContactRepeated, CasePriorityRaised, ComplaintReceived } from '../case/case.events.js';
import { isOpen } from '../case/case.state.js';
import { repeatContact } from '../case/repeat-contact.js';
import { checkActorActive } from '../shared/actor.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import { checkOccurredAt } from '../shared/time.js';
import type { ComplainantCommand, ReceiveComplaint } from './complainant.commands.js';
import type { ComplainantCaseOpened, ComplainantEvent } from './complainant.events.js';
import {
  casesAbout,
  evolveComplainant,
  initialComplainantState,
  type ComplainantState,
} from './complainant.state.js';
import { normaliseSubject } from './subject.js';

/** A complaint touches two streams: the complainant's (new case only) and the case's. */
export type ComplaintDecision =
  | {
      kind: 'new-case';
      caseId: string;
      complainantEvents: ComplainantCaseOpened[];
      caseEvents: ComplaintReceived[];
    }
  | { kind: 'repeat'; caseId: string; caseEvents: Array<CaseContactRepeated | CasePriorityRaised> };

export function receiveComplaint(
  command: ReceiveComplaint,
  state: ComplainantState,
): ComplaintDecision | DomainError {
  const { data, metadata, context } = command;
  const failed = checkOccurredAt(metadata.occurredAt, metadata.now) ?? checkActorActive(metadata.actor);
  if (failed) return failed;

  const subjectKey = normaliseSubject(data.subject);
  // Several open cases under one subject: the repeat goes to the one opened first.
  for (const caseId of casesAbout(state, subjectKey)) {
    const open = context.openCases.find((c) => c.caseId === caseId && isOpen(c));
    if (!open) continue;
    const caseEvents = repeatContact(open, { channel: data.channel, body: data.body });
    if (Array.isArray(caseEvents)) return { kind: 'repeat', caseId, caseEvents };
  }

  const { caseId, channel, distributorId, orderId, subject, body } = data;
  const complainant = {
    type: data.complainant.type,
    id: data.complainant.id,
    ...(data.complainant.name !== undefined ? { name: data.complainant.name } : {}),
  };
  return {
    kind: 'new-case',
    caseId,
    complainantEvents: [{ type: 'ComplainantCaseOpened', data: { caseId, complainant, subjectKey } }],
    caseEvents: [
      {
        type: 'ComplaintReceived',
        data: {
          caseId,
          channel,
          complainant,
          ...(distributorId !== undefined ? { distributorId } : {}),
          ...(orderId !== undefined ? { orderId } : {}),
          subject,
          body,
        },
      },
    ],
  };
}

export const decideComplainant = (
  command: ComplainantCommand,
  state: ComplainantState,
): ComplaintDecision | DomainError => receiveComplaint(command, state);

export const complainantDecider: Decider<
  ComplainantCommand,
  ComplainantEvent,
  ComplainantState,
  ComplaintDecision
> = {
  decide: decideComplainant,
  evolve: evolveComplainant,
  initialState: initialComplainantState,
};
