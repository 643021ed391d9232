import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { CaseCommands } from './case-commands.js';
import type { SendResponseBody } from './case-bodies.js';

export class SendResponseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: SendResponseBody,
  ) {
    super();
  }
}

@CommandHandler(SendResponseCommand)
export class SendResponseHandler implements ICommandHandler<SendResponseCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
  ) {}

  execute({ request, caseId, body }: SendResponseCommand): Promise<CommandAnswer> {
    return this.runner.run('SendResponse', request, (env) =>
      this.cases.decide(env, 'SendResponse', { caseId, channel: body.channel, summary: body.summary }),
    );
  }
}
