/** The server's contention counters on /metrics, read before and after a measured window. */
export interface ContentionCounters {
  /** caseledger_db_connections_opened_total: PostgreSQL sessions the server's pools have opened. */
  sessionsOpened: number;
  /** caseledger_command_conflicts_total, summed over command types: appends refused by another writer. */
  conflicts: number;
  /** caseledger_command_retries_total, summed over command types: attempts made again after a conflict. */
  retries: number;
}

/** Sum of every sample of `name` (with or without labels); 0 when it has none yet. */
function sum(text: string, name: string): number {
  let total = 0;
  for (const match of text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm')))
    total += Number(match[1]);
  return total;
}

export async function scrapeCounters(baseUrl: string): Promise<ContentionCounters> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  const text = await response.text();
  if (!/^caseledger_db_connections_opened_total /m.test(text))
    throw new Error('GET /metrics has no caseledger_db_connections_opened_total');
  return {
    sessionsOpened: sum(text, 'caseledger_db_connections_opened_total'),
    conflicts: sum(text, 'caseledger_command_conflicts_total'),
    retries: sum(text, 'caseledger_command_retries_total'),
  };
}

/** What the counters rose by during `work`. */
export async function counted<T>(
  baseUrl: string,
  work: () => Promise<T>,
): Promise<{ outcome: T; counters: ContentionCounters }> {
  const before = await scrapeCounters(baseUrl);
  const outcome = await work();
  const after = await scrapeCounters(baseUrl);
  return {
    outcome,
    counters: {
      sessionsOpened: after.sessionsOpened - before.sessionsOpened,
      conflicts: after.conflicts - before.conflicts,
      retries: after.retries - before.retries,
    },
  };
}

/** The server's counters during each run's measured window (/metrics before and after), one entry per run. */
export interface WindowCounters {
  sessionsOpened: number[];
  conflicts: number[];
  retries: number[];
}

export const windowCounters = (list: ContentionCounters[]): WindowCounters => ({
  sessionsOpened: list.map((c) => c.sessionsOpened),
  conflicts: list.map((c) => c.conflicts),
  retries: list.map((c) => c.retries),
});
