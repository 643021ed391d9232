import { MINUTE, NOW, plusMs, SECOND } from '../testing/clock.js';
import { aCase, noCase } from '../testing/case-fixtures.js';
import { aComplaint } from '../testing/complaint-fixtures.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import {
  issueRefund,
  orderCancelled,
  orderPlaced,
  orderReturned,
  refundIssued,
  standardsWith,
} from '../testing/money-fixtures.js';
import { aCorrespondent, aSupervisor, anAdmin } from '../testing/staff-fixtures.js';
import { orderDecider } from './order.decider.js';

const spec = DeciderSpecification.for(orderDecider);
const c1 = aCorrespondent('C-1');
const supervisor = aSupervisor('SUP-1').actor();
const hisCase = aCase().sortedTo('C-1').state();
const placed = [orderPlaced('O-1', 12000)];
const refund = (amount: number, options: Partial<Parameters<typeof issueRefund>[2]> = {}) =>
  issueRefund('O-1', amount, { by: c1.actor(), case: hisCase, ...options });

describe('IssueRefund', () => {
  it('issues the refund at once (no fee, no waiting period)', () =>
    spec
      .given(placed)
      .when(refund(4500))
      .then(refundIssued('R-1', 'O-1', 4500, 'C-1')));

  it('a refund equal to the remaining order total is allowed', () =>
    spec
      .given([...placed, refundIssued('R-0', 'O-1', 7000)])
      .when(refund(5000))
      .then(refundIssued('R-1', 'O-1', 5000, 'C-1')));

  it('one cent more than the remaining total: REFUND_EXCEEDS_ORDER', () =>
    spec
      .given([...placed, refundIssued('R-0', 'O-1', 7000)])
      .when(refund(5001))
      .thenFails('REFUND_EXCEEDS_ORDER', {
        orderId: 'O-1',
        amountCents: 5001,
        totalCents: 12000,
        refundedCents: 7000,
        refundableCents: 5000,
      }));

  it('the whole order in one refund is allowed', () =>
    spec
      .given(placed)
      .when(refund(12000))
      .then(refundIssued('R-1', 'O-1', 12000, 'C-1')));

  it('a returned shipment does not change the refundable sum', () =>
    spec
      .given([...placed, orderReturned('O-1', 12000)])
      .when(refund(12000))
      .then(refundIssued('R-1', 'O-1', 12000, 'C-1')));

  it('may name any known order, not only the case’s', () =>
    spec
      .given([orderPlaced('O-2', 500)])
      .when(
        issueRefund('O-2', 500, {
          by: c1.actor(),
          case: aCase(aComplaint().aboutOrder('O-1')).sortedTo('C-1').state(),
        }),
      )
      .then(refundIssued('R-1', 'O-2', 500, 'C-1')));

  it('is allowed on a resolved case', () =>
    spec
      .given(placed)
      .when(refund(100, { case: aCase().sortedTo('C-1').responded().resolved().state() }))
      .then(refundIssued('R-1', 'O-1', 100, 'C-1')));

  it('an unknown order: UNKNOWN_ORDER', () =>
    spec.given([]).when(refund(100)).thenFails('UNKNOWN_ORDER', { orderId: 'O-1' }));

  it('an order known only by later facts (no OrderPlaced): UNKNOWN_ORDER', () =>
    spec
      .given([orderReturned('O-1', 100)])
      .when(refund(100))
      .thenFails('UNKNOWN_ORDER'));

  it('a cancelled order: ORDER_CANCELLED', () =>
    spec
      .given([...placed, orderCancelled('O-1', 'customer changed mind')])
      .when(refund(100))
      .thenFails('ORDER_CANCELLED'));

  it('ORDER_CANCELLED comes before REFUND_EXCEEDS_ORDER', () =>
    spec
      .given([...placed, orderCancelled('O-1')])
      .when(refund(999999))
      .thenFails('ORDER_CANCELLED'));

  it('UNKNOWN_ORDER comes before everything about the order', () =>
    spec.given([]).when(refund(999999)).thenFails('UNKNOWN_ORDER'));

  describe('the correspondent refund limit', () => {
    const bigOrder = [orderPlaced('O-1', 100000)];

    it('exactly the limit is allowed', () =>
      spec
        .given(bigOrder)
        .when(refund(50000))
        .then(refundIssued('R-1', 'O-1', 50000, 'C-1')));

    it('one cent above: REFUND_LIMIT_EXCEEDED', () =>
      spec
        .given(bigOrder)
        .when(refund(50001))
        .thenFails('REFUND_LIMIT_EXCEEDED', { amountCents: 50001, limitCents: 50000, standardsVersion: 1 }));

    it('judged by the standards in force given', () =>
      spec
        .given(bigOrder)
        .when(refund(2001, { standards: standardsWith({ version: 2, refundLimitCents: 2000 }) }))
        .thenFails('REFUND_LIMIT_EXCEEDED'));

    it('REFUND_EXCEEDS_ORDER comes before REFUND_LIMIT_EXCEEDED', () =>
      spec.given(placed).when(refund(60000)).thenFails('REFUND_EXCEEDS_ORDER'));

    it('does not bind supervisors', () =>
      spec
        .given(bigOrder)
        .when(refund(90000, { by: supervisor }))
        .then(refundIssued('R-1', 'O-1', 90000, 'SUP-1')));

    it('does not bind admins', () =>
      spec
        .given(bigOrder)
        .when(refund(90000, { by: anAdmin('root') }))
        .then(refundIssued('R-1', 'O-1', 90000, 'root')));

    it('a supervisor is still bound by the order total', () =>
      spec
        .given(placed)
        .when(refund(12001, { by: supervisor }))
        .thenFails('REFUND_EXCEEDS_ORDER'));
  });

  describe('accountability and the common checks', () => {
    it('on a case assigned to someone else: NOT_ASSIGNEE', () =>
      spec
        .given(placed)
        .when(refund(100, { case: aCase().sortedTo('C-2').state() }))
        .thenFails('NOT_ASSIGNEE'));

    it('on an unassigned case: NOT_ASSIGNEE', () =>
      spec
        .given(placed)
        .when(refund(100, { case: aCase().state() }))
        .thenFails('NOT_ASSIGNEE'));

    it('a supervisor on any case', () =>
      spec
        .given(placed)
        .when(refund(100, { by: supervisor, case: aCase().state() }))
        .then(refundIssued('R-1', 'O-1', 100, 'SUP-1')));

    it('NOT_ASSIGNEE comes before UNKNOWN_ORDER', () =>
      spec
        .given([])
        .when(refund(100, { case: aCase().sortedTo('C-2').state() }))
        .thenFails('NOT_ASSIGNEE'));

    it('an unknown case: CASE_NOT_FOUND, before STAFF_INACTIVE', () =>
      spec
        .given([])
        .when(refund(100, { case: noCase().state(), by: c1.inactive().actor() }))
        .thenFails('CASE_NOT_FOUND'));

    it('an inactive correspondent: STAFF_INACTIVE, before NOT_ASSIGNEE', () =>
      spec
        .given(placed)
        .when(refund(100, { by: c1.inactive().actor(), case: aCase().sortedTo('C-2').state() }))
        .thenFails('STAFF_INACTIVE'));

    it.each([
      ['4m59s ahead', 4 * MINUTE + 59 * SECOND],
      ['exactly 5m ahead', 5 * MINUTE],
    ])('occurredAt %s is accepted', (_, offset) =>
      spec
        .given(placed)
        .when(refund(100, { occurredAt: plusMs(NOW, offset) }))
        .then(refundIssued('R-1', 'O-1', 100, 'C-1')),
    );

    it('occurredAt 5m01s ahead: OCCURRED_IN_FUTURE, before CASE_NOT_FOUND', () =>
      spec
        .given([])
        .when(refund(100, { occurredAt: plusMs(NOW, 5 * MINUTE + SECOND), case: noCase().state() }))
        .thenFails('OCCURRED_IN_FUTURE'));

    it('a refundId already used on the order: VALIDATION_FAILED', () =>
      spec
        .given([...placed, refundIssued('R-1', 'O-1', 100)])
        .when(refund(100))
        .thenFails('VALIDATION_FAILED', [
          { path: 'refundId', message: 'Refund R-1 already exists on this order' },
        ]));

    it.each([0, -100, 0.5])('amountCents %s: VALIDATION_FAILED', (amount) =>
      spec
        .given(placed)
        .when(refund(amount))
        .thenFails('VALIDATION_FAILED', [
          { path: 'amountCents', message: 'A positive whole number of cents' },
        ]),
    );
  });
});
