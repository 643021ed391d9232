import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAnswer, CommandRequest } from '../shared/command-request.js';
import { CommandRunner } from '../shared/command-runner.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import { LiveWorkload } from '../workload/live-workload.js';
import { CaseCommands } from './case-commands.js';
import type { SortCaseBody } from './case-bodies.js';

export class SortCaseCommand extends Command<CommandAnswer> {
  constructor(
    readonly request: CommandRequest,
    readonly caseId: string,
    readonly body: SortCaseBody,
  ) {
    super();
  }
}

@CommandHandler(SortCaseCommand)
export class SortCaseHandler implements ICommandHandler<SortCaseCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cases: CaseCommands,
    private readonly staff: StaffDirectory,
    private readonly workload: LiveWorkload,
  ) {}

  execute({ request, caseId, body }: SortCaseCommand): Promise<CommandAnswer> {
    const { category, complexity, priority, assigneeId } = body;
    return this.runner.run('SortCase', request, async (env) => {
      const [loaded, assignee, workload] = await Promise.all([
        this.cases.load(caseId),
        assigneeId ? this.staff.get(assigneeId) : Promise.resolve(null),
        assigneeId ? Promise.resolve([]) : this.workload.current(caseId),
      ]);
      const data = { caseId, category, complexity, priority, ...(assigneeId ? { assigneeId } : {}) };
      const plan = await this.cases.decide(env, 'SortCase', data, { assignee, workload }, loaded);
      const assigned = plan.appends[0].events.find((e) => e.type === 'CaseAssigned')?.data as
        { assigneeId: string } | undefined;
      return { ...plan, ids: { ...plan.ids, assigneeId: assigned?.assigneeId ?? loaded.state.assigneeId } };
    });
  }
}
