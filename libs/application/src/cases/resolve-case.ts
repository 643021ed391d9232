import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { ResolveCaseBody } from './case-bodies.js';
import { onCase } from './on-case.js';

export class ResolveCaseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: ResolveCaseBody,
  ) {
    super();
  }
}

export const resolveCase = defineCommand({
  name: 'ResolveCase',
  input: ({ caseId, body }: ResolveCaseCommand) => ({ caseId, resolution: body.resolution }),
  decidesOn: ({ caseId }) => onCase(caseId),
  command: ({ input }) => ({
    type: 'ResolveCase',
    data: input,
  }),
  answer: ({ input }) => ({ status: 200, fields: { caseId: input.caseId } }),
});

@CommandHandler(ResolveCaseCommand)
export class ResolveCaseHandler implements ICommandHandler<ResolveCaseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: ResolveCaseCommand): Promise<CommandAnswer> {
    return this.runner.execute(resolveCase, command);
  }
}
