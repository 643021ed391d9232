import pg from 'pg';

/** One answer the load got: when its request started and ended, and what it said. */
export interface Answer {
  startedAt: number;
  endedAt: number;
  status: number;
  code?: string;
  retryAfter?: string | null;
}

export interface Acknowledged {
  caseId: string;
  eventIds: string[];
  endedAt: number;
}

export interface LoadOutcome {
  answers: Answer[];
  acknowledged: Acknowledged[];
  /** Anything but 201, or 503 DATABASE_UNAVAILABLE with Retry-After: a 500, a dropped connection. */
  unexpected: string[];
}

/**
 * `writers` clients filing complaints (POST /cases) back to back until stopped, each complaint new,
 * as the 8 clients did. What each answer was is kept for the assertions.
 */
export function fileComplaints(baseUrl: string, token: string, writers = 8) {
  const outcome: LoadOutcome = { answers: [], acknowledged: [], unexpected: [] };
  let stopped = false;
  const run = Math.random().toString(36).slice(2, 8);
  const writer = async (w: number) => {
    for (let i = 0; !stopped; i++) {
      const startedAt = Date.now();
      try {
        const response = await fetch(`${baseUrl}/cases`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({
            channel: 'mail',
            complainant: { type: 'customer', id: `${run}-W${w}-${i}` },
            subject: `Parcel ${i} never arrived`,
            body: 'Tracking has not moved.',
          }),
        });
        const body = (await response.json()) as { caseId?: string; eventIds?: string[]; code?: string };
        const answer = {
          startedAt,
          endedAt: Date.now(),
          status: response.status,
          code: body.code,
          retryAfter: response.headers.get('retry-after'),
        };
        outcome.answers.push(answer);
        if (response.status === 201)
          outcome.acknowledged.push({
            caseId: body.caseId!,
            eventIds: body.eventIds!,
            endedAt: answer.endedAt,
          });
        else if (response.status !== 503 || body.code !== 'DATABASE_UNAVAILABLE' || !answer.retryAfter)
          outcome.unexpected.push(`${response.status} ${JSON.stringify(body)}`);
      } catch (error) {
        outcome.unexpected.push(`no answer: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const running = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return {
    outcome,
    /** Acknowledged complaints whose request started after `at`. */
    acknowledgedSince: (at: number) =>
      outcome.answers.filter((a) => a.status === 201 && a.startedAt >= at).length,
    async stop(): Promise<LoadOutcome> {
      stopped = true;
      await running;
      return outcome;
    },
  };
}

/** Resolves once `condition` holds, polling; fails after `timeoutMs` naming `what`. */
export async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** From `faultEndedAt` to the end of the first acknowledged request that started after it. */
export function recoveryMs(outcome: LoadOutcome, faultEndedAt: number): number {
  const first = outcome.answers
    .filter((a) => a.status === 201 && a.startedAt >= faultEndedAt)
    .sort((a, b) => a.endedAt - b.endedAt)[0];
  if (!first) throw new Error('nothing acknowledged after the fault');
  return first.endedAt - faultEndedAt;
}

/** Event ids of acknowledged commands missing from the log (read as the superuser). */
export async function missingFromLog(databaseUrl: string, acknowledged: Acknowledged[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = acknowledged.flatMap((a) => a.eventIds);
    const { rows } = await client.query<{ event_id: string }>(
      'SELECT event_id FROM event_store.events WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    const found = new Set(rows.map((r) => r.event_id));
    return ids.filter((id) => !found.has(id));
  } finally {
    await client.end();
  }
}

/** What pg_terminate_backend does to every session of the application on `database` (a DBA, a failover). */
export async function terminateSessions(superuserUrl: string, database: string): Promise<number> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** GET /health's status. */
export async function healthStatus(baseUrl: string): Promise<number> {
  try {
    return (await fetch(`${baseUrl}/health`)).status;
  } catch {
    return 0;
  }
}
