import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { standardsDecider, STANDARDS_STREAM } from '#domain';
import { defineCommand, firstOf } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { SetStandardsBody } from './standards-body.js';

export class SetStandardsCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly body: SetStandardsBody,
  ) {
    super();
  }
}

export const setStandards = defineCommand({
  name: 'SetServiceStandards',
  input: ({ body: { occurredAt: _o, ...standards } }: SetStandardsCommand) => standards,
  decidesOn: () => ({ streamId: STANDARDS_STREAM, decider: standardsDecider }),
  command: ({ input }) => ({
    type: 'SetServiceStandards',
    data: input,
  }),
  // The version the decider numbered these standards with.
  answer: ({ decision }) => ({
    status: 200,
    fields: { version: firstOf(decision, 'ServiceStandardsSet')?.data.version },
  }),
});

@CommandHandler(SetStandardsCommand)
export class SetStandardsHandler implements ICommandHandler<SetStandardsCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: SetStandardsCommand): Promise<CommandAnswer> {
    return this.runner.execute(setStandards, command);
  }
}
