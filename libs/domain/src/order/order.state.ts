import { assertNever, type Timed } from '../shared/decider.js';
import type { OrderEvent } from './order.events.js';

export interface OrderState {
  orderId: string | null;
  placed: boolean;
  totalCents: number;
  distributorId: string | null;
  customerId: string | null;
  cancelled: boolean;
  shipped: boolean;
  paymentDeclined: boolean;
  /** Returned merchandise as upstream reports it; it does not change the refundable sum. */
  returnedCents: number;
  refundedCents: number;
  refundIds: string[];
}

export const initialOrderState = (): OrderState => ({
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

export function evolveOrder(state: OrderState, event: Timed<OrderEvent>): OrderState {
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, distributorId, customerId, totalCents } = event.data;
      return { ...state, orderId, placed: true, distributorId, customerId: customerId ?? null, totalCents };
    }
    case 'OrderCancelled':
      return { ...state, orderId: event.data.orderId, cancelled: true };
    case 'OrderShipped':
      return { ...state, orderId: event.data.orderId, shipped: true };
    case 'OrderReturned':
      return {
        ...state,
        orderId: event.data.orderId,
        returnedCents: state.returnedCents + event.data.amountCents,
      };
    case 'PaymentDeclined':
      return { ...state, orderId: event.data.orderId, paymentDeclined: true };
    case 'RefundIssued':
      return {
        ...state,
        refundedCents: state.refundedCents + event.data.amountCents,
        refundIds: [...state.refundIds, event.data.refundId],
      };
    default:
      return assertNever(event);
  }
}

/** What may still be refunded: the total minus every refund so far. */
export const refundableCents = (state: OrderState): number => state.totalCents - state.refundedCents;
