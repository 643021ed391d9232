import { z } from 'zod';

/** Ids become part of stream names (`case-{caseId}`), so they are kept to a safe alphabet. */
export const id = z
  .string()
  .regex(/^[A-Za-z0-9._:@-]{1,100}$/, 'Use 1–100 letters, digits or . _ : @ -');

/** ISO-8601 with a time zone; stored as UTC with exactly three fractional digits. */
export const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/, 'An ISO-8601 date-time with a time zone, e.g. 2026-09-01T08:30:00.000Z')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Not a real date-time')
  .transform((s) => new Date(s).toISOString());

export const cents = z.number().int('Whole cents').min(1, 'At least 1 cent').max(Number.MAX_SAFE_INTEGER);
/**
 * PostgreSQL stores no NUL character, in text or in jsonb: refused here with a clear message (400 /
 * the DLQ) instead of failing in the database (a 500, or a Kafka partition retried forever).
 */
export const noNul = (value: string) => !value.includes('\u0000');
export const NUL_MESSAGE = 'NUL characters (\\u0000) cannot be stored';

export const text = (max: number) => z.string().trim().min(1, 'Required').max(max).refine(noNul, NUL_MESSAGE);

export const channel = z.enum(['mail', 'email', 'phone', 'web', 'chat', 'social']);
export const category = z.enum(['product', 'shipping', 'billing', 'commission', 'autoship', 'enrollment', 'return', 'other']);
export const priority = z.enum(['low', 'normal', 'high', 'urgent']);
export const rating = z.enum(['delighted', 'satisfied', 'disappointed', 'annoyed', 'angry']);
export const staffRole = z.enum(['intake', 'sorter', 'correspondent', 'supervisor', 'auditor', 'analyst', 'integration', 'admin']);
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

/** Every command may carry its business time (SPEC §3). */
export const occurredAt = { occurredAt: isoInstant.optional() };

/** Money-carrying payloads may name their currency; another than the deployment's is refused. */
export const currencyField = (deploymentCurrency: string) => ({
  currency: z
    .string()
    .refine((c) => c === deploymentCurrency, `Only ${deploymentCurrency} is accepted by this deployment`)
    .optional(),
});
