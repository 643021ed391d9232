import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { CaseCommands } from './case-commands.js';
import type { ResolveCaseBody } from './case-bodies.js';

export class ResolveCaseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: ResolveCaseBody,
  ) {
    super();
  }
}

@CommandHandler(ResolveCaseCommand)
export class ResolveCaseHandler implements ICommandHandler<ResolveCaseCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
  ) {}

  execute({ request, caseId, body }: ResolveCaseCommand): Promise<CommandAnswer> {
    return this.runner.run('ResolveCase', request, (env) =>
      this.cases.decide(env, 'ResolveCase', { caseId, resolution: body.resolution }),
    );
  }
}
