import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { defineCommand, firstOf } from '../shared/command-definition.js';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { known } from '../shared/command-reads.js';
import { staffMember } from '../staff/staff-directory.js';
import { workloadBesides } from '../workload/live-workload.js';
import type { SortCaseBody } from './case-bodies.js';
import { onCase } from './on-case.js';

export class SortCaseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: SortCaseBody,
  ) {
    super();
  }
}

export const sortCase = defineCommand({
  name: 'SortCase',
  input: ({ caseId, body: { category, complexity, priority, assigneeId } }: SortCaseCommand) => ({
    caseId,
    category,
    complexity,
    priority,
    ...(assigneeId ? { assigneeId } : {}),
  }),
  decidesOn: ({ caseId }) => onCase(caseId),
  // An assignee named by the sorter is looked up; without one, the department's workload decides.
  reads: ({ caseId, assigneeId }) => ({
    assignee: assigneeId ? staffMember(assigneeId) : known(null),
    workload: assigneeId ? known([]) : workloadBesides(caseId),
  }),
  command: ({ input, read }) => ({
    type: 'SortCase',
    data: input,
    context: { assignee: read.assignee, workload: read.workload },
  }),
  // Whoever the sort assigned; a re-sort that assigned nobody answers the case's assignee.
  answer: ({ input, read, decision }) => ({
    status: 200,
    fields: {
      caseId: input.caseId,
      assigneeId: firstOf(decision, 'CaseAssigned')?.data.assigneeId ?? read.decided.state.assigneeId,
    },
  }),
});

@CommandHandler(SortCaseCommand)
export class SortCaseHandler implements ICommandHandler<SortCaseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: SortCaseCommand): Promise<CommandAnswer> {
    return this.runner.execute(sortCase, command);
  }
}
