import { z } from 'zod';
import { CATEGORIES, CHANNELS, PRIORITIES, RATINGS, ROLES } from '#domain';
import { isCalendarDay, isIsoMillisUtc } from '#event-store';

/** Ids become part of stream names (`case-{caseId}`), so they are kept to a safe alphabet. */
export const id = z.string().regex(/^[A-Za-z0-9._:@-]{1,100}$/, 'Use 1–100 letters, digits or . _ : @ -');

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/**
 * A day that exists and a time of day under 24:00 (offset included). Date would take 2026-02-30 and
 * roll it over into March; this refuses it. Then Date has the last word on what it cannot represent.
 * The stored form is checked as the store checks it (isIsoMillisUtc), without Date.
 */
function isRealDateTime(text: string): boolean {
  if (isIsoMillisUtc(text)) return true;
  const parts = ISO_INSTANT.exec(text);
  if (!parts) return !Number.isNaN(Date.parse(text)); // the pattern's own message says what is wrong
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(parts[i])) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(parts[6] ?? 0);
  const [offsetHours, offsetMinutes] = [Number(parts[7] ?? 0), Number(parts[8] ?? 0)];
  if (!isCalendarDay(year, month, day)) return false;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return false;
  return !Number.isNaN(Date.parse(text));
}

/** Instants from 0001 to 9999 in UTC: what the store writes (ISO with a four-digit year) and PostgreSQL holds. */
const FIRST_STORABLE = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_STORABLE = Date.parse('9999-12-31T23:59:59.999Z');
export const isStorableInstant = (text: string): boolean => {
  const ms = Date.parse(text);
  return ms >= FIRST_STORABLE && ms <= LAST_STORABLE;
};
export const STORABLE_MESSAGE = 'Between years 0001 and 9999 once turned into UTC';

/**
 * ISO-8601 with a time zone; stored as UTC with exactly three fractional digits. A value already in
 * that form is kept as sent (no round trip through Date: every order event on Kafka carries one).
 */
export const isoInstant = z
  .string()
  .regex(ISO_INSTANT, 'An ISO-8601 date-time with a time zone, e.g. 2026-09-01T08:30:00.000Z')
  .refine(isRealDateTime, 'Not a real date-time')
  .refine(isStorableInstant, STORABLE_MESSAGE)
  .transform((s) => (isIsoMillisUtc(s) ? s : new Date(s).toISOString()));

export const cents = z.number().int('Whole cents').min(1, 'At least 1 cent').max(Number.MAX_SAFE_INTEGER);
/**
 * PostgreSQL stores no NUL character, in text or in jsonb: refused here with a clear message (400 /
 * the DLQ) instead of failing in the database (a 500, or a Kafka partition retried forever).
 */
export const noNul = (value: string) => !value.includes('\u0000');
export const NUL_MESSAGE = 'NUL characters (\\u0000) cannot be stored';

export const text = (max: number) => z.string().trim().min(1, 'Required').max(max).refine(noNul, NUL_MESSAGE);

export const channel = z.enum(CHANNELS);
export const category = z.enum(CATEGORIES);
export const priority = z.enum(PRIORITIES);
export const rating = z.enum(RATINGS);
export const staffRole = z.enum(ROLES);
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

/** Every command may carry its business time (SPEC §3). */
export const occurredAt = { occurredAt: isoInstant.optional() };

/** Money-carrying payloads may name their currency; another than the deployment's is refused. */
export const currencyField = (deploymentCurrency: string) => ({
  currency: z
    .string()
    .refine((c) => c === deploymentCurrency, `Only ${deploymentCurrency} is accepted by this deployment`)
    .optional()
    .meta({ description: 'ISO 4217 code; only the deployment’s CURRENCY is accepted (400 otherwise)' }),
});
