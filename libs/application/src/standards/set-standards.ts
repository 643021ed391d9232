import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { standardsDecider, STANDARDS_STREAM, type SetServiceStandards } from '#domain';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandEnvironmentLoader } from '../shared/command-environment.js';
import { CommandRunner } from '../shared/command-runner.js';
import { decideOn } from '../shared/plan.js';
import type { SetStandardsBody } from './standards-body.js';

export class SetStandardsCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly body: SetStandardsBody,
  ) {
    super();
  }
}

@CommandHandler(SetStandardsCommand)
export class SetStandardsHandler implements ICommandHandler<SetStandardsCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ request, body }: SetStandardsCommand): Promise<CommandAnswer> {
    const { occurredAt: _o, ...standards } = body;
    return this.runner.run('SetServiceStandards', request, async (env) => {
      const command: SetServiceStandards = {
        type: 'SetServiceStandards',
        data: standards,
        metadata: CommandEnvironmentLoader.metadata(env),
      };
      const plan = decideOn(standardsDecider, STANDARDS_STREAM, env.standardsStream, command, {
        status: 200,
        ids: {},
      });
      const set = plan.appends[0].events[0].data as { version: number };
      return { ...plan, ids: { version: set.version } };
    });
  }
}
