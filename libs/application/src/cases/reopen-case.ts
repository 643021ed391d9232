import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { CaseCommands } from './case-commands.js';
import type { ReopenCaseBody } from './case-bodies.js';

export class ReopenCaseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: ReopenCaseBody,
  ) {
    super();
  }
}

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
  ) {}

  execute({ request, caseId, body }: ReopenCaseCommand): Promise<CommandAnswer> {
    return this.runner.run('ReopenCase', request, (env) =>
      this.cases.decide(env, 'ReopenCase', { caseId, reason: body.reason }),
    );
  }
}
