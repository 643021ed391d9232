import type { ClientBase } from 'pg';
import { DEFAULT_STANDARDS } from '#domain';
import type { GrantInPeriod } from './goodwill.js';

// Every query takes $1 = from, $2 = to (half-open period) and $3 = asOf (events after it are not yet known).
const inPeriod = (column: string) => `${column} >= $1 AND ${column} < $2 AND ${column} <= $3`;

/** Σ placed in the period − Σ totals of orders whose cancellation is in the period, overall and per distributor. */
export async function netSales(
  client: ClientBase,
  from: string,
  to: string,
  asOf: string,
): Promise<{ total: number; byDistributor: Map<string, number> }> {
  const { rows } = await client.query<{ distributor_id: string | null; net: string }>(
    `SELECT distributor_id,
       coalesce(sum(total_cents) FILTER (WHERE ${inPeriod('placed_at')}), 0)
       - coalesce(sum(total_cents) FILTER (WHERE ${inPeriod('cancelled_at')}), 0) AS net
     FROM read_models.orders WHERE (${inPeriod('placed_at')}) OR (${inPeriod('cancelled_at')})
     GROUP BY distributor_id`,
    [from, to, asOf],
  );
  const byDistributor = new Map(
    rows.flatMap((r) => (r.distributor_id === null ? [] : [[r.distributor_id, Number(r.net)] as const])),
  );
  return { total: rows.reduce((sum, r) => sum + Number(r.net), 0), byDistributor };
}

export async function grantsInPeriod(
  client: ClientBase,
  from: string,
  to: string,
  asOf: string,
): Promise<GrantInPeriod[]> {
  const { rows } = await client.query<{
    staff_id: string;
    kind: 'credit' | 'product';
    amount_cents: string;
    over_budget: boolean;
    distributor_id: string | null;
  }>(
    `SELECT g.staff_id, g.kind, g.amount_cents, g.over_budget, c.distributor_id
     FROM read_models.goodwill_grants g LEFT JOIN read_models.cases c USING (case_id)
     WHERE ${inPeriod('g.occurred_at')}`,
    [from, to, asOf],
  );
  return rows.map((r) => ({
    staffId: r.staff_id,
    kind: r.kind,
    amountCents: Number(r.amount_cents),
    overBudget: r.over_budget,
    distributorId: r.distributor_id,
  }));
}

export async function refundsInPeriod(
  client: ClientBase,
  from: string,
  to: string,
  asOf: string,
): Promise<number> {
  const { rows } = await client.query<{ cents: string }>(
    `SELECT coalesce(sum(amount_cents), 0) AS cents FROM read_models.refunds WHERE ${inPeriod('occurred_at')}`,
    [from, to, asOf],
  );
  return Number(rows[0].cents);
}

/** Budgets of the given months per staff member: allocations add up, whenever they were allocated. */
export async function budgets(
  client: ClientBase,
  months: string[],
  asOf: string,
): Promise<Map<string, number>> {
  const { rows } = await client.query<{ staff_id: string; cents: string }>(
    `SELECT staff_id, sum(amount_cents) AS cents FROM read_models.goodwill_budget_allocations
     WHERE month = ANY($1::text[]) AND occurred_at <= $2 GROUP BY staff_id`,
    [months, asOf],
  );
  return new Map(rows.map((r) => [r.staff_id, Number(r.cents)]));
}

/** goodwillPctOfSalesGuideline in force at the period's last instant (to − 1 ms). */
export async function guidelinePct(client: ClientBase, to: string, asOf: string): Promise<number> {
  const { rows } = await client.query<{ guideline: string }>(
    `SELECT goodwill_pct_of_sales_guideline AS guideline FROM read_models.service_standards
     WHERE occurred_at < $1 AND occurred_at <= $2 ORDER BY occurred_at DESC, global_position DESC LIMIT 1`,
    [to, asOf],
  );
  return rows.length === 0 ? DEFAULT_STANDARDS.goodwillPctOfSalesGuideline : Number(rows[0].guideline);
}
