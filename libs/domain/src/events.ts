import type { CaseEvent } from './case/case.events.js';
import type { ComplainantEvent } from './complainant/complainant.events.js';
import type { GoodwillEvent } from './goodwill/goodwill.events.js';
import type { OrderEvent } from './order/order.events.js';
import type { StaffEvent } from './staff/staff.events.js';
import type { StandardsEvent } from './standards/standards.events.js';

/** Every event the domain knows, of every stream. */
export type DomainEvent =
  CaseEvent | ComplainantEvent | GoodwillEvent | OrderEvent | StaffEvent | StandardsEvent;
export type EventType = DomainEvent['type'];

/**
 * `metadata.schemaVersion` of each event type. A released event type never changes: a new shape
 * gets a new version here and an upcaster for the old one.
 */
export const EVENT_SCHEMA_VERSIONS: Record<EventType, number> = {
  ComplaintReceived: 1,
  CaseContactRepeated: 1,
  CaseSorted: 1,
  CaseAssigned: 1,
  CasePriorityRaised: 1,
  ResponseSent: 1,
  FollowUpPromised: 1,
  FollowUpCompleted: 1,
  CaseResolved: 1,
  CaseReopened: 1,
  SatisfactionRecorded: 1,
  ComplainantCaseOpened: 1,
  GoodwillBudgetAllocated: 1,
  GoodwillGranted: 1,
  OrderPlaced: 1,
  OrderCancelled: 1,
  OrderShipped: 1,
  OrderReturned: 1,
  PaymentDeclined: 1,
  RefundIssued: 1,
  StaffMemberRegistered: 1,
  StaffMemberChanged: 1,
  ServiceStandardsSet: 1,
};

export const EVENT_TYPES = Object.keys(EVENT_SCHEMA_VERSIONS) as EventType[];

export const isEventType = (value: unknown): value is EventType =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_SCHEMA_VERSIONS, value);
