import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseDecider, caseStream, goodwillDecider, goodwillStream } from '#domain';
import { defineCommand, firstOf } from '../shared/command-definition.js';
import { stream } from '../shared/command-reads.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { staffMember } from '../staff/staff-directory.js';
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
export const grantGoodwill = defineCommand({
  name: 'GrantGoodwill',
  // The grant id is chosen once: a retried attempt makes the same grant. No staffId: the actor's own budget.
  input: ({ request, caseId, body }: GrantGoodwillCommand) => {
    const { occurredAt: _o, currency: _c, grantId, ...fields } = body;
    return {
      debitedId: body.staffId ?? request.actorId,
      data: { caseId, grantId: grantId ?? randomUUID(), ...fields },
    };
  },
  decidesOn: ({ debitedId }) => ({ streamId: goodwillStream(debitedId), decider: goodwillDecider }),
  reads: ({ debitedId, data }) => ({
    case: stream(caseDecider, caseStream(data.caseId)),
    debited: staffMember(debitedId),
  }),
  command: ({ input, read, env }) => ({
    type: 'GrantGoodwill',
    data: input.data,
    context: { case: read.case.state, debited: read.debited, standards: env.standards },
  }),
  answer: ({ input: { data }, decision }) => ({
    status: 201,
    fields: {
      caseId: data.caseId,
      grantId: data.grantId,
      overBudget: firstOf(decision, 'GoodwillGranted')?.data.overBudget,
    },
  }),
});

@CommandHandler(GrantGoodwillCommand)
export class GrantGoodwillHandler implements ICommandHandler<GrantGoodwillCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: GrantGoodwillCommand): Promise<CommandAnswer> {
    return this.runner.execute(grantGoodwill, command);
  }
}
