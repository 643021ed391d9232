import { DomainError, validationFailed } from './domain-error.js';

/** How far in the future a command's business time may lie (SPEC §3). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** Milliseconds since the epoch; NaN when the text is not a date-time. */
export const instant = (iso: string): number => Date.parse(iso);

/** ISO-8601 UTC with three fractional digits; the text itself when it does not parse. */
export function toUtcIso(iso: string): string {
  const ms = instant(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

/** Negative when a is earlier than b. Unparseable texts compare as text, after every real instant. */
export function compareInstants(a: string, b: string): number {
  const x = instant(a);
  const y = instant(b);
  if (Number.isNaN(x) || Number.isNaN(y)) {
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return x - y;
}

/** `YYYY-MM` of the instant in UTC: the month a grant is debited from. */
export const monthOf = (iso: string): string => toUtcIso(iso).slice(0, 7);

/** OCCURRED_IN_FUTURE when occurredAt is more than 5 minutes after now (exactly 5:00 is allowed). */
export function checkOccurredAt(occurredAt: string, now: string): DomainError | undefined {
  const at = instant(occurredAt);
  const current = instant(now);
  if (Number.isNaN(at))
    return validationFailed([{ path: 'occurredAt', message: 'Not an ISO-8601 date-time' }]);
  if (Number.isNaN(current)) return validationFailed([{ path: 'now', message: 'Not an ISO-8601 date-time' }]);
  if (at > current + MAX_FUTURE_SKEW_MS) {
    return new DomainError('OCCURRED_IN_FUTURE', 'occurredAt is more than 5 minutes in the future', {
      occurredAt,
      now,
    });
  }
  return undefined;
}
