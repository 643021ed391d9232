import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { goodwillDecider, goodwillStream } from '#domain';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { staffMember } from '../staff/staff-directory.js';
import type { AllocateBudgetBody } from './goodwill-bodies.js';

export class AllocateBudgetCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly body: AllocateBudgetBody,
  ) {
    super();
  }
}

export const allocateBudget = defineCommand({
  name: 'AllocateGoodwillBudget',
  input: ({ body: { staffId, month, amountCents } }: AllocateBudgetCommand) => ({
    staffId,
    month,
    amountCents,
  }),
  decidesOn: ({ staffId }) => ({ streamId: goodwillStream(staffId), decider: goodwillDecider }),
  reads: ({ staffId }) => ({ staff: staffMember(staffId) }),
  command: ({ input, read }) => ({
    type: 'AllocateGoodwillBudget',
    data: input,
    context: { staff: read.staff },
  }),
  answer: ({ input }) => ({ status: 201, fields: { staffId: input.staffId } }),
});

@CommandHandler(AllocateBudgetCommand)
export class AllocateBudgetHandler implements ICommandHandler<AllocateBudgetCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: AllocateBudgetCommand): Promise<CommandAnswer> {
    return this.runner.execute(allocateBudget, command);
  }
}
