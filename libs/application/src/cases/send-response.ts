import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { SendResponseBody } from './case-bodies.js';
import { onCase } from './on-case.js';

export class SendResponseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: SendResponseBody,
  ) {
    super();
  }
}

export const sendResponse = defineCommand({
  name: 'SendResponse',
  input: ({ caseId, body }: SendResponseCommand) => ({
    caseId,
    channel: body.channel,
    summary: body.summary,
  }),
  decidesOn: ({ caseId }) => onCase(caseId),
  command: ({ input }) => ({
    type: 'SendResponse',
    data: input,
  }),
  answer: ({ input }) => ({ status: 200, fields: { caseId: input.caseId } }),
});

@CommandHandler(SendResponseCommand)
export class SendResponseHandler implements ICommandHandler<SendResponseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: SendResponseCommand): Promise<CommandAnswer> {
    return this.runner.execute(sendResponse, command);
  }
}
