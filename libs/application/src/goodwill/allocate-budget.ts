import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { goodwillDecider, goodwillStream, type AllocateGoodwillBudget } from '#domain';
import type { EventStore } from '#event-store';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandEnvironmentLoader } from '../shared/command-environment.js';
import { CommandRunner } from '../shared/command-runner.js';
import { decideOn } from '../shared/plan.js';
import { loadStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import type { AllocateBudgetBody } from './goodwill-bodies.js';

export class AllocateBudgetCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly body: AllocateBudgetBody,
  ) {
    super();
  }
}

@CommandHandler(AllocateBudgetCommand)
export class AllocateBudgetHandler implements ICommandHandler<AllocateBudgetCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly staff: StaffDirectory,
  ) {}

  execute({ request, body }: AllocateBudgetCommand): Promise<CommandAnswer> {
    const { staffId, month, amountCents } = body;
    return this.runner.run('AllocateGoodwillBudget', request, async (env) => {
      const [account, staff] = await Promise.all([
        loadStream(this.store, goodwillDecider, goodwillStream(staffId)),
        this.staff.get(staffId),
      ]);
      const command: AllocateGoodwillBudget = {
        type: 'AllocateGoodwillBudget',
        data: { staffId, month, amountCents },
        metadata: CommandEnvironmentLoader.metadata(env),
        context: { staff },
      };
      return decideOn(goodwillDecider, goodwillStream(staffId), account, command, {
        status: 201,
        ids: { staffId },
      });
    });
  }
}
