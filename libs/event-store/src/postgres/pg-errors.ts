/** SQL error 23505 (unique_violation) with the name of the constraint it hit, as pg reports it. */
export interface UniqueViolation {
  code: '23505';
  constraint: string;
}

export const EVENT_ID_KEY = 'events_event_id_key';
export const STREAM_REVISION_KEY = 'events_stream_revision_key';
export const IDEMPOTENCY_KEY = 'idempotency_keys_pkey';

export function isUniqueViolation(error: unknown): error is UniqueViolation {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
