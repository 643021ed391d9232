import type { RecordOrderFact } from './order.commands.js';
import { DeciderSpecification, stateOf } from '../testing/decider-specification.js';
import { orderCancelled, orderPlaced, orderReturned, refundIssued } from '../testing/money-fixtures.js';
import type { UpstreamOrderEvent } from './order.events.js';
import { orderDecider } from './order.decider.js';
import { initialOrderState, refundableCents } from './order.state.js';

const spec = DeciderSpecification.for(orderDecider);
const record = (event: UpstreamOrderEvent): RecordOrderFact => ({ type: 'RecordOrderFact', data: { event } });

describe('RecordOrderFact (upstream facts are recorded as they come)', () => {
  it.each<UpstreamOrderEvent>([
    orderPlaced('O-1', 12000, 'D-17', 'CU-3'),
    orderCancelled('O-1'),
    { type: 'OrderShipped', data: { orderId: 'O-1', carrier: 'UPS', trackingNumber: '1Z999' } },
    orderReturned('O-1', 4000),
    { type: 'PaymentDeclined', data: { orderId: 'O-1', reason: 'card expired' } },
  ])('$type is appended unchanged', (event) => spec.given([]).when(record(event)).then(event));

  it('a fact about an order already cancelled is still recorded', () =>
    spec
      .given([orderPlaced('O-1', 100), orderCancelled('O-1')])
      .when(record(orderReturned('O-1', 100)))
      .then(orderReturned('O-1', 100)));
});

describe('order state', () => {
  it('starts unknown', () => {
    expect(initialOrderState()).toStrictEqual({
      orderId: null,
      placed: false,
      totalCents: 0,
      distributorId: null,
      customerId: null,
      cancelled: false,
      shipped: false,
      paymentDeclined: false,
      returnedCents: 0,
      refundedCents: 0,
      refundIds: [],
    });
  });

  it('folds every fact and refund', () => {
    const state = stateOf(orderDecider, [
      orderPlaced('O-1', 12000, 'D-17', 'CU-3'),
      { type: 'OrderShipped', data: { orderId: 'O-1' } },
      { type: 'PaymentDeclined', data: { orderId: 'O-1' } },
      orderReturned('O-1', 3000),
      refundIssued('R-1', 'O-1', 3000),
      refundIssued('R-2', 'O-1', 1000),
    ]);
    expect(state).toStrictEqual({
      orderId: 'O-1',
      placed: true,
      totalCents: 12000,
      distributorId: 'D-17',
      customerId: 'CU-3',
      cancelled: false,
      shipped: true,
      paymentDeclined: true,
      returnedCents: 3000,
      refundedCents: 4000,
      refundIds: ['R-1', 'R-2'],
    });
    expect(refundableCents(state)).toBe(8000);
  });

  it('a cancellation is recorded', () => {
    expect(stateOf(orderDecider, [orderPlaced('O-1', 100), orderCancelled('O-1', 'fraud')]).cancelled).toBe(
      true,
    );
  });
});
