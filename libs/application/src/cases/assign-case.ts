import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import { CaseCommands } from './case-commands.js';
import type { AssignCaseBody } from './case-bodies.js';

export class AssignCaseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: AssignCaseBody,
  ) {
    super();
  }
}

@CommandHandler(AssignCaseCommand)
export class AssignCaseHandler implements ICommandHandler<AssignCaseCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
    private readonly staff: StaffDirectory,
  ) {}

  execute({ request, caseId, body }: AssignCaseCommand): Promise<CommandAnswer> {
    const { assigneeId, reason } = body;
    return this.runner.run('AssignCase', request, async (env) => {
      const assignee = await this.staff.get(assigneeId);
      const plan = await this.cases.decide(env, 'AssignCase', { caseId, assigneeId, reason }, { assignee });
      return { ...plan, ids: { ...plan.ids, assigneeId } };
    });
  }
}
