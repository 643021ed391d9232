import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { staffDecider, staffStream, type RegisterStaffMember } from '#domain';
import type { EventStore } from '#event-store';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandEnvironmentLoader } from '../shared/command-environment.js';
import { CommandRunner } from '../shared/command-runner.js';
import { decideOn } from '../shared/plan.js';
import { loadStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';
import type { RegisterStaffBody } from './staff-bodies.js';

export class RegisterStaffMemberCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly body: RegisterStaffBody,
  ) {
    super();
  }
}

@CommandHandler(RegisterStaffMemberCommand)
export class RegisterStaffMemberHandler implements ICommandHandler<RegisterStaffMemberCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
  ) {}

  execute({ request, body }: RegisterStaffMemberCommand): Promise<CommandAnswer> {
    const { staffId, name, roles, skillLevel } = body;
    return this.runner.run('RegisterStaffMember', request, async (env) => {
      const member = await loadStream(this.store, staffDecider, staffStream(staffId));
      const command: RegisterStaffMember = {
        type: 'RegisterStaffMember',
        data: { staffId, name, roles, skillLevel },
        metadata: CommandEnvironmentLoader.metadata(env),
      };
      return decideOn(staffDecider, staffStream(staffId), member, command, { status: 201, ids: { staffId } });
    });
  }
}
