import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { staffDecider, staffStream } from '#domain';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { RegisterStaffBody } from './staff-bodies.js';

export class RegisterStaffMemberCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly body: RegisterStaffBody,
  ) {
    super();
  }
}

export const registerStaffMember = defineCommand({
  name: 'RegisterStaffMember',
  input: ({ body: { staffId, name, roles, skillLevel } }: RegisterStaffMemberCommand) => ({
    staffId,
    name,
    roles,
    skillLevel,
  }),
  decidesOn: ({ staffId }) => ({ streamId: staffStream(staffId), decider: staffDecider }),
  command: ({ input }) => ({
    type: 'RegisterStaffMember',
    data: input,
  }),
  answer: ({ input }) => ({ status: 201, fields: { staffId: input.staffId } }),
});

@CommandHandler(RegisterStaffMemberCommand)
export class RegisterStaffMemberHandler implements ICommandHandler<RegisterStaffMemberCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: RegisterStaffMemberCommand): Promise<CommandAnswer> {
    return this.runner.execute(registerStaffMember, command);
  }
}
