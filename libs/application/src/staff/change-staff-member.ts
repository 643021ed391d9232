import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { staffDecider, staffStream, type ChangeStaffMember } from '#domain';
import type { EventStore } from '#event-store';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandEnvironmentLoader } from '../shared/command-environment.js';
import { CommandRunner } from '../shared/command-runner.js';
import { decideOn } from '../shared/plan.js';
import { loadStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';
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

@CommandHandler(ChangeStaffMemberCommand)
export class ChangeStaffMemberHandler implements ICommandHandler<ChangeStaffMemberCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
  ) {}

  execute({ request, staffId, body }: ChangeStaffMemberCommand): Promise<CommandAnswer> {
    const { occurredAt: _o, ...changes } = body;
    return this.runner.run('ChangeStaffMember', request, async (env) => {
      const member = await loadStream(this.store, staffDecider, staffStream(staffId));
      const command: ChangeStaffMember = {
        type: 'ChangeStaffMember',
        data: { staffId, ...changes },
        metadata: CommandEnvironmentLoader.metadata(env),
      };
      return decideOn(staffDecider, staffStream(staffId), member, command, { status: 200, ids: { staffId } });
    });
  }
}
