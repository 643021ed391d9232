import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { orderDecider, orderStream, type IssueRefund } from '#domain';
import type { EventStore } from '#event-store';
import { CaseCommands } from '../cases/case-commands.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandEnvironmentLoader } from '../shared/command-environment.js';
import { CommandRunner } from '../shared/command-runner.js';
import { decideOn } from '../shared/plan.js';
import { loadStream } from '../shared/stream-loader.js';
import { EVENT_STORE } from '../shared/tokens.js';
import type { RefundBody } from './refund-body.js';

export class IssueRefundCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: RefundBody,
  ) {
    super();
  }
}

/** RefundIssued goes to the order's stream: its revision guards "refunds never exceed the total". */
@CommandHandler(IssueRefundCommand)
export class IssueRefundHandler implements ICommandHandler<IssueRefundCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
  ) {}

  execute({ request, caseId, body }: IssueRefundCommand): Promise<CommandAnswer> {
    const refundId = body.refundId ?? randomUUID();
    const { orderId, amountCents, reason } = body;
    return this.runner.run('IssueRefund', request, async (env) => {
      const [loadedCase, order] = await Promise.all([
        this.cases.load(caseId),
        loadStream(this.store, orderDecider, orderStream(orderId)),
      ]);
      const command: IssueRefund = {
        type: 'IssueRefund',
        data: { caseId, refundId, orderId, amountCents, reason },
        metadata: CommandEnvironmentLoader.metadata(env),
        context: { case: loadedCase.state, standards: env.standards },
      };
      return decideOn(orderDecider, orderStream(orderId), order, command, {
        status: 201,
        ids: { caseId, refundId },
      });
    });
  }
}
