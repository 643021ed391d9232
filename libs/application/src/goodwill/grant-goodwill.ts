import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { goodwillDecider, goodwillStream, type GrantGoodwill } from '#domain';
import type { EventStore } from '#event-store';
import { CaseCommands } from '../cases/case-commands.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandEnvironmentLoader } from '../shared/command-environment.js';
import { CommandRunner } from '../shared/command-runner.js';
import { decideOn } from '../shared/plan.js';
import { loadStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import type { GrantGoodwillBody } from './goodwill-bodies.js';

export class GrantGoodwillCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: GrantGoodwillBody,
  ) {
    super();
  }
}

/** The grant is debited from `goodwill-{staffId}` (the budget guard) and names the case it was for. */
@CommandHandler(GrantGoodwillCommand)
export class GrantGoodwillHandler implements ICommandHandler<GrantGoodwillCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
    private readonly staff: StaffDirectory,
  ) {}

  execute({ request, caseId, body }: GrantGoodwillCommand): Promise<CommandAnswer> {
    const grantId = body.grantId ?? randomUUID();
    const { occurredAt: _o, currency: _c, grantId: _g, ...fields } = body;
    const debitedId = body.staffId ?? request.actorId;
    return this.runner.run('GrantGoodwill', request, async (env) => {
      const [loadedCase, account, debited] = await Promise.all([
        this.cases.load(caseId),
        loadStream(this.store, goodwillDecider, goodwillStream(debitedId)),
        this.staff.get(debitedId),
      ]);
      const command: GrantGoodwill = {
        type: 'GrantGoodwill',
        data: { caseId, grantId, ...fields },
        metadata: CommandEnvironmentLoader.metadata(env),
        context: { case: loadedCase.state, debited, standards: env.standards },
      };
      const plan = decideOn(goodwillDecider, goodwillStream(debitedId), account, command, {
        status: 201,
        ids: { caseId, grantId },
      });
      const granted = plan.appends[0].events[0].data as { overBudget: boolean };
      return { ...plan, ids: { ...plan.ids, overBudget: granted.overBudget } };
    });
  }
}
