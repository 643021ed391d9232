import { happenedBefore } from '../business-order.js';
import type { DomainFacts, FactsOf, ReadModelTable } from '../read-model-table.js';
import { Order } from './sales-and-goodwill.entities.js';

const empty = (orderId: string): Order => ({
  orderId,
  distributorId: null,
  customerId: null,
  totalCents: null,
  placedAt: null,
  placedPosition: null,
  cancelledAt: null,
  cancelledPosition: null,
  cancelReason: null,
});

/** The first of two facts in business order stands; the same event again is not "before" itself. */
const isFirst = (e: DomainFacts, at: string | null, position: number | null) =>
  at === null ||
  position === null ||
  happenedBefore({ at: e.occurredAt, position: e.globalPosition }, { at, position });

function place(row: Order | null, e: FactsOf<'OrderPlaced'>): Order {
  const d = e.data;
  const base = row ?? empty(d.orderId);
  if (!isFirst(e, base.placedAt, base.placedPosition)) return base;
  return {
    ...base,
    distributorId: d.distributorId,
    customerId: d.customerId ?? null,
    totalCents: d.totalCents,
    placedAt: e.occurredAt,
    placedPosition: e.globalPosition,
  };
}

function cancel(row: Order | null, e: FactsOf<'OrderCancelled'>): Order {
  const d = e.data;
  const base = row ?? empty(d.orderId);
  if (!isFirst(e, base.cancelledAt, base.cancelledPosition)) return base;
  return {
    ...base,
    cancelledAt: e.occurredAt,
    cancelledPosition: e.globalPosition,
    cancelReason: d.reason ?? null,
  };
}

/** Shipments, returns and declined payments change no figure of the reports: not kept. */
export const orders: ReadModelTable<Order, 'OrderPlaced' | 'OrderCancelled'> = {
  entity: Order,
  handles: ['OrderPlaced', 'OrderCancelled'],
  keyOf: (e) => [e.data.orderId],
  evolve: (row, e) => (e.type === 'OrderPlaced' ? place(row, e) : cancel(row, e)),
};
