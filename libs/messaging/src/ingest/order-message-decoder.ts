import { MAX_DEAD_LETTER_ERROR_LENGTH } from '#config';
import type { z } from 'zod';
import { ORDER_EVENT_TYPES, orderEventMessage, unstorableJson, type OrderEventMessage } from '#application';

export type DecodedOrderMessage = { valid: true; event: OrderEventMessage } | { valid: false; error: string };

/**
 * Turns a message value of `orders.events` into an order event, or into the reason it is refused
 * (the DLQ's `error` header). The schema is the one `POST /order-events` uses, so both doors accept
 * and refuse the same things; only the reason's wording is Kafka's own.
 */
export function orderMessageDecoder(currency: string): (value: Buffer | null) => DecodedOrderMessage {
  const schema = orderEventMessage(currency);
  return (value) => {
    if (!value || value.length === 0) return refused('not JSON: empty value');
    let json: unknown;
    try {
      json = JSON.parse(value.toString('utf8'));
    } catch (error) {
      return refused(`not JSON: ${(error as Error).message}`);
    }
    // What the log cannot hold goes to the DLQ here, not as a refused append of the whole chunk.
    const unstorable = unstorableJson(json);
    if (unstorable) return refused(`not storable: ${unstorable.path || '(message)'}: ${unstorable.message}`);
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { valid: true, event: parsed.data }
      : refused(reason(json, parsed.error.issues, currency));
  };
}

/** The one problem an operator must fix first: an unknown type or a foreign currency hides the rest. */
function reason(json: unknown, issues: z.core.$ZodIssue[], currency: string): string {
  const fields = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const on = (field: string) => issues.some((issue) => issue.path[0] === field);
  if (
    on('type') &&
    typeof fields.type === 'string' &&
    !(ORDER_EVENT_TYPES as readonly string[]).includes(fields.type)
  ) {
    return `unknown type: ${JSON.stringify(fields.type)} (expected one of ${ORDER_EVENT_TYPES.join(', ')})`;
  }
  if (on('currency'))
    return `wrong currency: ${JSON.stringify(fields.currency)} (this deployment takes ${currency})`;
  const listed = issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(message)'}: ${issue.message}`,
  );
  return `schema: ${listed.join('; ')}`;
}

function refused(error: string): DecodedOrderMessage {
  return {
    valid: false,
    error:
      error.length > MAX_DEAD_LETTER_ERROR_LENGTH
        ? `${error.slice(0, MAX_DEAD_LETTER_ERROR_LENGTH - 1)}…`
        : error,
  };
}
