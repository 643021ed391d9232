import type { Pool } from 'pg';

export interface GoodwillAccountMonth {
  staffId: string;
  month: string;
  /** Σ allocations for the month (they add up, whenever allocated); 0 with none (SPEC §6.2). */
  budgetCents: number;
  /** Σ goodwill debited to the account with occurredAt in the month. */
  grantedCents: number;
  grants: number;
  /** budget − granted, as the domain judges a correspondent's grant; negative once a supervisor went over. */
  remainingCents: number;
}

/** One staff member's goodwill account for a month (`YYYY-MM`), from the sales-and-goodwill read model. */
export async function goodwillAccountMonth(
  pool: Pool,
  staffId: string,
  month: string,
): Promise<GoodwillAccountMonth> {
  const start = `${month}-01T00:00:00.000Z`;
  const [year, m] = month.split('-').map(Number);
  const end = new Date(Date.UTC(year, m, 1)).toISOString();
  const { rows } = await pool.query<{ budget: string; granted: string; grants: string }>(
    `SELECT
       (SELECT coalesce(sum(amount_cents), 0) FROM read_models.goodwill_budget_allocations WHERE staff_id = $1 AND month = $2) AS budget,
       (SELECT coalesce(sum(amount_cents), 0) FROM read_models.goodwill_grants WHERE staff_id = $1 AND occurred_at >= $3 AND occurred_at < $4) AS granted,
       (SELECT count(*) FROM read_models.goodwill_grants WHERE staff_id = $1 AND occurred_at >= $3 AND occurred_at < $4) AS grants`,
    [staffId, month, start, end],
  );
  const budgetCents = Number(rows[0].budget);
  const grantedCents = Number(rows[0].granted);
  return {
    staffId,
    month,
    budgetCents,
    grantedCents,
    grants: Number(rows[0].grants),
    remainingCents: budgetCents - grantedCents,
  };
}
