import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { CompleteFollowUpBody } from './case-bodies.js';
import { onCase } from './on-case.js';

export class CompleteFollowUpCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly followUpId: string,
    readonly body: CompleteFollowUpBody,
  ) {
    super();
  }
}

export const completeFollowUp = defineCommand({
  name: 'CompleteFollowUp',
  input: ({ caseId, followUpId, body }: CompleteFollowUpCommand) => ({
    caseId,
    followUpId,
    ...(body.note !== undefined ? { note: body.note } : {}),
  }),
  decidesOn: ({ caseId }) => onCase(caseId),
  command: ({ input }) => ({
    type: 'CompleteFollowUp',
    data: input,
  }),
  answer: ({ input: { caseId, followUpId } }) => ({ status: 200, fields: { caseId, followUpId } }),
});

@CommandHandler(CompleteFollowUpCommand)
export class CompleteFollowUpHandler implements ICommandHandler<CompleteFollowUpCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: CompleteFollowUpCommand): Promise<CommandAnswer> {
    return this.runner.execute(completeFollowUp, command);
  }
}
