import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { ReopenCaseBody } from './case-bodies.js';
import { onCase } from './on-case.js';

export class ReopenCaseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: ReopenCaseBody,
  ) {
    super();
  }
}

export const reopenCase = defineCommand({
  name: 'ReopenCase',
  input: ({ caseId, body }: ReopenCaseCommand) => ({ caseId, reason: body.reason }),
  decidesOn: ({ caseId }) => onCase(caseId),
  command: ({ input }) => ({
    type: 'ReopenCase',
    data: input,
  }),
  answer: ({ input }) => ({ status: 200, fields: { caseId: input.caseId } }),
});

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: ReopenCaseCommand): Promise<CommandAnswer> {
    return this.runner.execute(reopenCase, command);
  }
}
