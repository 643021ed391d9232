import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { CaseCommands } from './case-commands.js';
import type { CompleteFollowUpBody } from './case-bodies.js';

export class CompleteFollowUpCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly followUpId: string,
    readonly body: CompleteFollowUpBody,
  ) {
    super();
  }
}

@CommandHandler(CompleteFollowUpCommand)
export class CompleteFollowUpHandler implements ICommandHandler<CompleteFollowUpCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
  ) {}

  execute({ request, caseId, followUpId, body }: CompleteFollowUpCommand): Promise<CommandAnswer> {
    const data = { caseId, followUpId, ...(body.note !== undefined ? { note: body.note } : {}) };
    return this.runner.run('CompleteFollowUp', request, async (env) => {
      const plan = await this.cases.decide(env, 'CompleteFollowUp', data);
      return { ...plan, ids: { ...plan.ids, followUpId } };
    });
  }
}
