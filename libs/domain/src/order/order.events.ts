/** Facts from the upstream order systems (SPEC §3, §5). */
export type OrderPlaced = {
  type: 'OrderPlaced';
  data: { orderId: string; distributorId: string; customerId?: string; totalCents: number };
};

export type OrderCancelled = { type: 'OrderCancelled'; data: { orderId: string; reason?: string } };

export type OrderShipped = {
  type: 'OrderShipped';
  data: { orderId: string; carrier?: string; trackingNumber?: string };
};

export type OrderReturned = { type: 'OrderReturned'; data: { orderId: string; amountCents: number } };

export type PaymentDeclined = { type: 'PaymentDeclined'; data: { orderId: string; reason?: string } };

export type UpstreamOrderEvent =
  OrderPlaced | OrderCancelled | OrderShipped | OrderReturned | PaymentDeclined;

/** Ours: no fee field and no waiting period (the money-back guarantee is honoured at once). */
export type RefundIssued = {
  type: 'RefundIssued';
  data: {
    refundId: string;
    orderId: string;
    caseId: string;
    amountCents: number;
    reason: string;
    issuedBy: string;
  };
};

export type OrderEvent = UpstreamOrderEvent | RefundIssued;

export const UPSTREAM_ORDER_EVENT_TYPES = [
  'OrderPlaced',
  'OrderCancelled',
  'OrderShipped',
  'OrderReturned',
  'PaymentDeclined',
] as const;
