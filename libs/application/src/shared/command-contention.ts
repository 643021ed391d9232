import type {
  CaseCommand,
  ComplainantCommand,
  GoodwillCommand,
  OrderCommand,
  StaffCommand,
  StandardsCommand,
} from '#domain';

/** A command by the domain's name for it (`ReceiveComplaint`, `SendResponse`, …). */
export type CommandName = (
  CaseCommand | ComplainantCommand | GoodwillCommand | OrderCommand | StaffCommand | StandardsCommand
)['type'];

/** How often one command type met another writer: for /metrics. */
export interface ContentionFigures {
  command: CommandName;
  /** Appends refused because another writer got there first. */
  conflicts: number;
  /** Attempts made again, from fresh reads, after such a refusal. */
  retries: number;
}

/**
 * Conflicts and retries per command type since the process started. Each command type appears
 * once it has run (at 0), so a dashboard's rate() has a series to start from before the first
 * conflict. Which commands collide, and how often, says where streams are hot.
 */
export class CommandContention {
  private readonly byCommand = new Map<CommandName, ContentionFigures>();

  ran(command: CommandName): void {
    this.of(command);
  }

  conflicted(command: CommandName): void {
    this.of(command).conflicts += 1;
  }

  retried(command: CommandName): void {
    this.of(command).retries += 1;
  }

  /** Every command type run so far, by name. */
  figures(): ContentionFigures[] {
    return [...this.byCommand.values()]
      .map((figures) => ({ ...figures }))
      .sort((a, b) => a.command.localeCompare(b.command));
  }

  private of(command: CommandName): ContentionFigures {
    let figures = this.byCommand.get(command);
    if (!figures) this.byCommand.set(command, (figures = { command, conflicts: 0, retries: 0 }));
    return figures;
  }
}
