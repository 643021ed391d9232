import type { Pool } from 'pg';
import { DEFAULT_STANDARDS } from '#domain';

export interface StandardsInForce {
  version: number;
  /** When this version took effect (business time); null for the defaults, which are not an event. */
  since: string | null;
  firstResponseHours: {
    mail: number;
    email: number;
    web: number;
    social: number;
    phone: number;
    chat: number;
  };
  goodwillPctOfSalesGuideline: number;
  goodwillPerGrantLimitCents: number;
  refundLimitCents: number;
}

/**
 * The service standards in force at `at` (SPEC §3: the latest ServiceStandardsSet with occurredAt ≤
 * at, else the defaults), from the department read model: what a correspondent is judged by.
 */
export async function standardsInForce(pool: Pool, at: string): Promise<StandardsInForce> {
  const { rows } = await pool.query(
    `SELECT * FROM read_models.service_standards WHERE occurred_at <= $1
     ORDER BY occurred_at DESC, global_position DESC LIMIT 1`,
    [at],
  );
  if (rows.length === 0) {
    const d = DEFAULT_STANDARDS;
    return { ...d, since: null, firstResponseHours: { ...d.firstResponseHours } };
  }
  const r = rows[0];
  return {
    version: r.version,
    since: new Date(r.occurred_at).toISOString(),
    firstResponseHours: {
      mail: Number(r.first_response_hours_mail),
      email: Number(r.first_response_hours_email),
      web: Number(r.first_response_hours_web),
      social: Number(r.first_response_hours_social),
      phone: Number(r.first_response_hours_phone),
      chat: Number(r.first_response_hours_chat),
    },
    goodwillPctOfSalesGuideline: Number(r.goodwill_pct_of_sales_guideline),
    goodwillPerGrantLimitCents: Number(r.goodwill_per_grant_limit_cents),
    refundLimitCents: Number(r.refund_limit_cents),
  };
}
