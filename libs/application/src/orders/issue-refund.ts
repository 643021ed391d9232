import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, caseStream, orderDecider, orderStream } from '#domain';
import { defineCommand } from '../shared/command-definition.js';
import { stream } from '../shared/command-reads.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
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
export const issueRefund = defineCommand({
  name: 'IssueRefund',
  // The refund id is chosen once: a retried attempt issues the same refund.
  input: ({ caseId, body: { refundId, orderId, amountCents, reason } }: IssueRefundCommand) => ({
    caseId,
    refundId: refundId ?? randomUUID(),
    orderId,
    amountCents,
    reason,
  }),
  decidesOn: ({ orderId }) => ({ streamId: orderStream(orderId), decider: orderDecider }),
  reads: ({ caseId }) => ({ case: stream(caseDecider, caseStream(caseId)) }),
  command: ({ input, read, env }) => ({
    type: 'IssueRefund',
    data: input,
    context: { case: read.case.state, standards: env.standards },
  }),
  answer: ({ input: { caseId, refundId } }) => ({ status: 201, fields: { caseId, refundId } }),
});

@CommandHandler(IssueRefundCommand)
export class IssueRefundHandler implements ICommandHandler<IssueRefundCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: IssueRefundCommand): Promise<CommandAnswer> {
    return this.runner.execute(issueRefund, command);
  }
}
