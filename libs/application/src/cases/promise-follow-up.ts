import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { PromiseFollowUpBody } from './case-bodies.js';
import { onCase } from './on-case.js';

export class PromiseFollowUpCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: PromiseFollowUpBody,
  ) {
    super();
  }
}

export const promiseFollowUp = defineCommand({
  name: 'PromiseFollowUp',
  // The id is chosen here, once: a retried attempt promises the same follow-up.
  input: ({ caseId, body }: PromiseFollowUpCommand) => ({
    caseId,
    followUpId: body.followUpId ?? randomUUID(),
    dueAt: body.dueAt,
    description: body.description,
  }),
  decidesOn: ({ caseId }) => onCase(caseId),
  command: ({ input }) => ({
    type: 'PromiseFollowUp',
    data: input,
  }),
  answer: ({ input: { caseId, followUpId } }) => ({ status: 201, fields: { caseId, followUpId } }),
});

@CommandHandler(PromiseFollowUpCommand)
export class PromiseFollowUpHandler implements ICommandHandler<PromiseFollowUpCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: PromiseFollowUpCommand): Promise<CommandAnswer> {
    return this.runner.execute(promiseFollowUp, command);
  }
}
