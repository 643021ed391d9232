import { anOrderCancelled, anOrderPlaced } from '../../test/order-messages.js';
import { orderMessageDecoder } from './order-message-decoder.js';

const decode = orderMessageDecoder('USD');
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const errorOf = (value: Buffer | null) => {
  const decoded = decode(value);
  if (decoded.valid) throw new Error('expected the message to be refused');
  return decoded.error;
};

describe('decoding a message of orders.events', () => {
  it('accepts an OrderPlaced and normalises its occurredAt to UTC with milliseconds', () => {
    const message = anOrderPlaced({ occurredAt: '2026-09-01T10:30:00+02:00', currency: 'USD' });
    expect(decode(json(message))).toEqual({
      valid: true,
      event: { ...message, occurredAt: '2026-09-01T08:30:00.000Z' },
    });
  });

  it('accepts an OrderCancelled, which needs neither distributor nor total', () => {
    expect(decode(json(anOrderCancelled('O-7'))).valid).toBe(true);
  });

  it('refuses a value that is not JSON, saying where parsing failed', () => {
    expect(errorOf(Buffer.from('{"eventId": oops'))).toMatch(/^not JSON: .*(Unexpected|JSON)/);
  });

  it('refuses an empty value (a tombstone) as not JSON', () => {
    expect(errorOf(null)).toBe('not JSON: empty value');
    expect(errorOf(Buffer.alloc(0))).toBe('not JSON: empty value');
  });

  it('names the missing field of an OrderPlaced', () => {
    const { totalCents: _dropped, ...withoutTotal } = anOrderPlaced();
    expect(errorOf(json(withoutTotal))).toBe('schema: totalCents: Required for OrderPlaced');
  });

  it('names every offending field when several are wrong', () => {
    const error = errorOf(json(anOrderPlaced({ eventId: 'not-a-uuid', totalCents: -5 })));
    expect(error).toMatch(/^schema: /);
    expect(error).toContain('eventId: eventId must be a UUID');
    expect(error).toContain('totalCents:');
  });

  it('refuses fields the schema does not know', () => {
    expect(errorOf(json(anOrderPlaced({ discountCode: 'X' })))).toMatch(
      /^schema: \(message\): .*discountCode/,
    );
  });

  it('refuses JSON that is not an object', () => {
    expect(errorOf(json([1, 2]))).toMatch(/^schema: \(message\): /);
  });

  it('calls an unknown type by its name, not a list of schema issues', () => {
    expect(errorOf(json(anOrderPlaced({ type: 'OrderTeleported' })))).toBe(
      'unknown type: "OrderTeleported" (expected one of OrderPlaced, OrderCancelled, OrderShipped, OrderReturned, PaymentDeclined)',
    );
  });

  it('refuses RefundIssued: refunds are Caseledger’s own facts, not upstream ones', () => {
    expect(errorOf(json(anOrderPlaced({ type: 'RefundIssued' })))).toMatch(/^unknown type: "RefundIssued"/);
  });

  it('refuses another currency than the deployment’s', () => {
    expect(errorOf(json(anOrderPlaced({ currency: 'EUR' })))).toBe(
      'wrong currency: "EUR" (this deployment takes USD)',
    );
  });

  it('keeps the reason short enough for a header', () => {
    const unknownFields = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`unexpectedField${i}`, i]),
    );
    const error = errorOf(json(anOrderPlaced({ ...unknownFields, eventId: 'not-a-uuid' })));
    expect(error.length).toBeLessThanOrEqual(300);
    expect(error.endsWith('…')).toBe(true);
  });

  it('refuses what decodes but the log cannot hold (a lone surrogate, 1e400, nesting past 32), naming the field', () => {
    const cancelled = JSON.stringify(anOrderCancelled('O-8', { reason: 'x' }));
    expect(errorOf(Buffer.from(cancelled.replace('"reason":"x"', '"reason":"dup\\ud800"')))).toBe(
      'not storable: reason: Contains a lone UTF-16 surrogate, which is not text',
    );
    const placed = JSON.stringify(anOrderPlaced({ totalCents: 100 }));
    expect(errorOf(Buffer.from(placed.replace('"totalCents":100', '"totalCents":1e400')))).toBe(
      'not storable: totalCents: A number too large to represent',
    );
    expect(errorOf(Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`))).toMatch(
      /^not storable: .*Nested deeper than 32 levels$/,
    );
  });
});
