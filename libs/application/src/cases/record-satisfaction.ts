import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { CaseCommands } from './case-commands.js';
import type { RecordSatisfactionBody } from './case-bodies.js';

export class RecordSatisfactionCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: RecordSatisfactionBody,
  ) {
    super();
  }
}

@CommandHandler(RecordSatisfactionCommand)
export class RecordSatisfactionHandler implements ICommandHandler<RecordSatisfactionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
  ) {}

  execute({ request, caseId, body }: RecordSatisfactionCommand): Promise<CommandAnswer> {
    return this.runner.run('RecordSatisfaction', request, (env) =>
      this.cases.decide(env, 'RecordSatisfaction', {
        caseId,
        rating: body.rating,
        ...(body.comment !== undefined ? { comment: body.comment } : {}),
      }),
    );
  }
}
