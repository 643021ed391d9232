import { recorded } from '../../../test/recorded-event.js';
import { rowsAfter } from '../../../test/fold.js';
import { orders } from './orders.table.js';
import { goodwillBudgetAllocations, goodwillGrants, refunds } from './sales-and-goodwill.projection.js';

const at = { occurredAt: '2026-09-02T12:00:00.000Z', position: 5, eventId: 'e-5' };
const fact = { eventId: 'e-5', occurredAt: '2026-09-02T12:00:00.000Z', globalPosition: 5 };

const placed = recorded(
  'OrderPlaced',
  { orderId: 'O-1', distributorId: 'D-1', customerId: 'U-1', totalCents: 12_000 },
  { occurredAt: '2026-09-01T00:00:00.000Z', position: 1 },
);
const cancelled = recorded(
  'OrderCancelled',
  { orderId: 'O-1', reason: 'changed mind' },
  { occurredAt: '2026-09-04T00:00:00.000Z', position: 9 },
);
const open = {
  orderId: 'O-1',
  distributorId: 'D-1',
  customerId: 'U-1',
  totalCents: 12_000,
  placedAt: '2026-09-01T00:00:00.000Z',
  placedPosition: 1,
  cancelledAt: null,
  cancelledPosition: null,
  cancelReason: null,
};

describe('sales and goodwill: applied twice changes nothing', () => {
  it('OrderPlaced opens the order row', () => {
    expect(rowsAfter(orders, [placed], [placed])).toEqual([open]);
  });

  it('OrderCancelled marks it cancelled at its business time', () => {
    const expected = {
      ...open,
      cancelledAt: '2026-09-04T00:00:00.000Z',
      cancelledPosition: 9,
      cancelReason: 'changed mind',
    };
    expect(rowsAfter(orders, [placed, cancelled], [cancelled])).toEqual([expected]);
  });

  it('a cancellation seen before its placement keeps both', () => {
    expect(rowsAfter(orders, [cancelled], [placed])[0]).toMatchObject({
      totalCents: 12_000,
      cancelledAt: '2026-09-04T00:00:00.000Z',
    });
  });

  it('shipments, returns and declined payments change no row', () => {
    const others = ['OrderShipped', 'OrderReturned', 'PaymentDeclined'].map((type) =>
      recorded(type, { orderId: 'O-1', amountCents: 100 }),
    );
    expect(rowsAfter(orders, [placed, ...others])).toEqual([open]);
  });

  it('RefundIssued is one refund fact', () => {
    const e = recorded(
      'RefundIssued',
      {
        refundId: 'R-1',
        orderId: 'O-1',
        caseId: 'K-1',
        amountCents: 2500,
        reason: 'guarantee',
        issuedBy: 'C-2',
      },
      at,
    );
    expect(rowsAfter(refunds, [e], [e])).toEqual([
      {
        ...fact,
        refundId: 'R-1',
        orderId: 'O-1',
        caseId: 'K-1',
        amountCents: 2500,
        reason: 'guarantee',
        issuedBy: 'C-2',
      },
    ]);
  });

  it('GoodwillGranted is one grant fact, with its product details and approval', () => {
    const e = recorded(
      'GoodwillGranted',
      {
        grantId: 'G-1',
        staffId: 'C-2',
        caseId: 'K-1',
        kind: 'product',
        amountCents: 3000,
        sku: 'LID-9',
        quantity: 2,
        reason: 'sorry',
        approvedBy: 'S-1',
        overBudget: true,
      },
      at,
    );
    expect(rowsAfter(goodwillGrants, [e, e])).toEqual([
      {
        ...fact,
        grantId: 'G-1',
        staffId: 'C-2',
        caseId: 'K-1',
        kind: 'product',
        amountCents: 3000,
        sku: 'LID-9',
        quantity: 2,
        reason: 'sorry',
        approvedBy: 'S-1',
        overBudget: true,
      },
    ]);
  });

  it('GoodwillBudgetAllocated is one allocation; two allocations of a month are two rows that add up', () => {
    const e = recorded(
      'GoodwillBudgetAllocated',
      { staffId: 'C-2', month: '2026-09', amountCents: 10_000, allocatedBy: 'S-1' },
      at,
    );
    const more = recorded('GoodwillBudgetAllocated', {
      staffId: 'C-2',
      month: '2026-09',
      amountCents: 5_000,
      allocatedBy: 'S-1',
    });
    expect(rowsAfter(goodwillBudgetAllocations, [e], [e])).toEqual([
      { ...fact, staffId: 'C-2', month: '2026-09', amountCents: 10_000, allocatedBy: 'S-1' },
    ]);
    expect(rowsAfter(goodwillBudgetAllocations, [e, more]).map((r) => r.amountCents)).toEqual([
      10_000, 5_000,
    ]);
  });
});
