import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { staffDecider, staffStream } from '#domain';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { ChangeStaffBody } from './staff-bodies.js';

export class ChangeStaffMemberCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly staffId: string,
    readonly body: ChangeStaffBody,
  ) {
    super();
  }
}

export const changeStaffMember = defineCommand({
  name: 'ChangeStaffMember',
  input: ({ staffId, body: { occurredAt: _o, ...changes } }: ChangeStaffMemberCommand) => ({
    staffId,
    ...changes,
  }),
  decidesOn: ({ staffId }) => ({ streamId: staffStream(staffId), decider: staffDecider }),
  command: ({ input }) => ({
    type: 'ChangeStaffMember',
    data: input,
  }),
  answer: ({ input }) => ({ status: 200, fields: { staffId: input.staffId } }),
});

@CommandHandler(ChangeStaffMemberCommand)
export class ChangeStaffMemberHandler implements ICommandHandler<ChangeStaffMemberCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: ChangeStaffMemberCommand): Promise<CommandAnswer> {
    return this.runner.execute(changeStaffMember, command);
  }
}
