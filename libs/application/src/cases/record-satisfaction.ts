import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defineCommand } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import type { RecordSatisfactionBody } from './case-bodies.js';
import { onCase } from './on-case.js';

export class RecordSatisfactionCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: RecordSatisfactionBody,
  ) {
    super();
  }
}

export const recordSatisfaction = defineCommand({
  name: 'RecordSatisfaction',
  input: ({ caseId, body }: RecordSatisfactionCommand) => ({
    caseId,
    rating: body.rating,
    ...(body.comment !== undefined ? { comment: body.comment } : {}),
  }),
  decidesOn: ({ caseId }) => onCase(caseId),
  command: ({ input }) => ({
    type: 'RecordSatisfaction',
    data: input,
  }),
  answer: ({ input }) => ({ status: 200, fields: { caseId: input.caseId } }),
});

@CommandHandler(RecordSatisfactionCommand)
export class RecordSatisfactionHandler implements ICommandHandler<RecordSatisfactionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: RecordSatisfactionCommand): Promise<CommandAnswer> {
    return this.runner.execute(recordSatisfaction, command);
  }
}
