import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { CaseCommands } from './case-commands.js';
import type { PromiseFollowUpBody } from './case-bodies.js';

export class PromiseFollowUpCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: PromiseFollowUpBody,
  ) {
    super();
  }
}

@CommandHandler(PromiseFollowUpCommand)
export class PromiseFollowUpHandler implements ICommandHandler<PromiseFollowUpCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
  ) {}

  execute({ request, caseId, body }: PromiseFollowUpCommand): Promise<CommandAnswer> {
    // The id is chosen once, outside the retry loop, so a retried append promises the same follow-up.
    const followUpId = body.followUpId ?? randomUUID();
    return this.runner.run('PromiseFollowUp', request, async (env) => {
      const plan = await this.cases.decide(env, 'PromiseFollowUp', {
        caseId,
        followUpId,
        dueAt: body.dueAt,
        description: body.description,
      });
      return { ...plan, status: 201, ids: { ...plan.ids, followUpId } };
    });
  }
}
