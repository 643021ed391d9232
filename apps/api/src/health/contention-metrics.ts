import type { ContentionFigures } from '#application';
import { databaseSessionsOpened } from '#event-store';

/**
 * What contention costs, for /metrics: conflicts and retries per command type (the domain's name in
 * the `command` label), and the PostgreSQL sessions the process has opened. Under steady load the
 * sessions counter stands still once the pools are full, however many conflicts there are; if it
 * climbs with the conflicts, refused appends are throwing connections away.
 */
export function contentionMetrics(byCommand: ContentionFigures[]): string[] {
  return [
    "# HELP caseledger_db_connections_opened_total PostgreSQL sessions opened by this process's pools since it started.",
    '# TYPE caseledger_db_connections_opened_total counter',
    `caseledger_db_connections_opened_total ${databaseSessionsOpened()}`,
    '# HELP caseledger_command_conflicts_total Appends refused because another writer got there first, per command type.',
    '# TYPE caseledger_command_conflicts_total counter',
    ...byCommand.map((c) => `caseledger_command_conflicts_total{command="${c.command}"} ${c.conflicts}`),
    '# HELP caseledger_command_retries_total Command attempts made again, on fresh reads, after a conflict, per command type.',
    '# TYPE caseledger_command_retries_total counter',
    ...byCommand.map((c) => `caseledger_command_retries_total{command="${c.command}"} ${c.retries}`),
  ];
}
