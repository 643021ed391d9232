import { MAX_EVENTS_PER_APPEND, type NewEvent, type StreamAppend } from '../event-store.port.js';
import { AppendTooLarge, InvalidEventEnvelope } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_MILLIS_UTC = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The store's clock as SPEC §3 writes it: ISO-8601 UTC with exactly three fractional digits. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/**
 * Checks what the hash chain depends on and returns the appends with event ids in lower case:
 * PostgreSQL's uuid and EventStoreDB both print ids in lower case, and the hash covers the id
 * string, so an upper-case id would not survive the round trip.
 */
export function normaliseAppends(appends: StreamAppend[]): StreamAppend[] {
  const total = appends.reduce((sum, append) => sum + append.events.length, 0);
  if (total > MAX_EVENTS_PER_APPEND) throw new AppendTooLarge(total, MAX_EVENTS_PER_APPEND);
  const seen = new Set<string>();
  return appends.map((append) => ({
    ...append,
    events: append.events.map((event) => {
      const normalised = normaliseEvent(event);
      if (seen.has(normalised.eventId))
        throw new InvalidEventEnvelope(event.eventId, 'appears twice in one append');
      seen.add(normalised.eventId);
      return normalised;
    }),
  }));
}

function normaliseEvent(event: NewEvent): NewEvent {
  if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) {
    throw new InvalidEventEnvelope(String(event.eventId), 'eventId is not a UUID');
  }
  if (!isIsoMillisUtc(event.occurredAt)) {
    throw new InvalidEventEnvelope(
      event.eventId,
      `occurredAt ${String(event.occurredAt)} is not ISO-8601 UTC with three fractional digits`,
    );
  }
  // Stored as JSON and hashed as JCS: a payload JSON cannot represent would not come back as written.
  if (event.data === undefined || typeof event.data === 'function')
    throw new InvalidEventEnvelope(event.eventId, 'data is missing');
  if (event.metadata === undefined || event.metadata === null || typeof event.metadata !== 'object') {
    throw new InvalidEventEnvelope(event.eventId, 'metadata is not an object');
  }
  return { ...event, eventId: event.eventId.toLowerCase() };
}

/**
 * Exactly the strings `Date.prototype.toISOString` writes for years 0000–9999. The calendar is
 * checked by arithmetic: 2026-02-30 and the like, which Date would roll over into another day, are
 * refused (0.4 µs, against 1.9 for a round trip through Date, on every event appended).
 */
export function isIsoMillisUtc(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = ISO_MILLIS_UTC.exec(value);
  return parts !== null && isCalendarDay(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

/** Whether the day exists in the proleptic Gregorian calendar Date uses (month 1–12). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
