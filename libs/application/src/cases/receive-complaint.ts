import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, caseStream, complainantDecider, complainantStream, normaliseSubject } from '#domain';
import { ApplicationError } from '../shared/application-error.js';
import { defineCommand, newStream } from '../shared/command-definition.js';
import { known, stream, streams } from '../shared/command-reads.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { ReceiveComplaintBody } from './case-bodies.js';

export class ReceiveComplaintCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly body: ReceiveComplaintBody,
  ) {
    super();
  }
}

/**
 * Repeat-contact detection goes through the complainant's stream: a new case is appended together
 * with an entry in `complainant-{type}-{id}` at the revision that was read, so two identical
 * complaints racing cannot both open a case — the second one retries and finds the first open.
 */
export const receiveComplaint = defineCommand({
  name: 'ReceiveComplaint',
  // The case id is chosen once: a retried attempt opens the same case.
  input: ({ body: { occurredAt: _o, caseId: given, ...fields } }: ReceiveComplaintCommand) => ({
    given: given !== undefined,
    data: { caseId: given ?? randomUUID(), ...fields },
  }),
  decidesOn: ({ data }) => ({
    streamId: complainantStream(data.complainant.type, data.complainant.id),
    decider: complainantDecider,
  }),
  // The complainant's cases under this subject (a repeat goes to the open one), and a caller's own case id.
  readsThen: ({ input: { given, data }, read }) => ({
    sameSubject: streams(
      caseDecider,
      read.decided.state.cases
        .filter((c) => c.subjectKey === normaliseSubject(data.subject))
        .map((c) => caseStream(c.caseId)),
    ),
    givenCase: given ? stream(caseDecider, caseStream(data.caseId)) : known(null),
  }),
  command: ({ input, read }) => ({
    type: 'ReceiveComplaint',
    data: input.data,
    context: { openCases: read.sameSubject.map((c) => c.state).filter((s) => s.status === 'open') },
  }),
  // A repeat is answered whatever id was given; a new case may not take an id already in use.
  refuse: ({ decision, read: { givenCase } }) =>
    decision.kind === 'new-case' && givenCase && givenCase.revision >= 0
      ? new ApplicationError('CASE_EXISTS', `Case ${decision.caseId} already exists`)
      : undefined,
  appends: ({ decision, read }) =>
    decision.kind === 'repeat'
      ? [{ to: openCase(read.sameSubject, decision.caseId), events: decision.caseEvents }]
      : [
          { to: read.decided, events: decision.complainantEvents },
          { to: newStream(caseStream(decision.caseId)), events: decision.caseEvents },
        ],
  answer: ({ decision, read }) =>
    decision.kind === 'repeat'
      ? {
          status: 200,
          stream: openCase(read.sameSubject, decision.caseId),
          fields: { caseId: decision.caseId, repeatOf: decision.caseId },
        }
      : { status: 201, stream: newStream(caseStream(decision.caseId)), fields: { caseId: decision.caseId } },
});

/** The open case a repeat contact goes to: one of those read, as the decider only picks among them. */
function openCase<C extends { state: { caseId: string } }>(read: C[], caseId: string): C {
  const found = read.find((c) => c.state.caseId === caseId);
  if (!found) throw new Error(`Repeat contact on case ${caseId}, which was not read`);
  return found;
}

@CommandHandler(ReceiveComplaintCommand)
export class ReceiveComplaintHandler implements ICommandHandler<ReceiveComplaintCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: ReceiveComplaintCommand): Promise<CommandAnswer> {
    return this.runner.execute(receiveComplaint, command);
  }
}
