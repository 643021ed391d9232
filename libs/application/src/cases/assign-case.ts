import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { staffMember } from '../staff/staff-directory.js';
import type { AssignCaseBody } from './case-bodies.js';
import { onCase } from './on-case.js';

export class AssignCaseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: AssignCaseBody,
  ) {
    super();
  }
}

export const assignCase = defineCommand({
  name: 'AssignCase',
  input: ({ caseId, body }: AssignCaseCommand) => ({
    caseId,
    assigneeId: body.assigneeId,
    reason: body.reason,
  }),
  decidesOn: ({ caseId }) => onCase(caseId),
  reads: ({ assigneeId }) => ({ assignee: staffMember(assigneeId) }),
  command: ({ input, read }) => ({
    type: 'AssignCase',
    data: input,
    context: { assignee: read.assignee },
  }),
  answer: ({ input: { caseId, assigneeId } }) => ({ status: 200, fields: { caseId, assigneeId } }),
});

@CommandHandler(AssignCaseCommand)
export class AssignCaseHandler implements ICommandHandler<AssignCaseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: AssignCaseCommand): Promise<CommandAnswer> {
    return this.runner.execute(assignCase, command);
  }
}
