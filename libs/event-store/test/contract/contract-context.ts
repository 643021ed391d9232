import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../../src/event-store.port.js';

/** For tests that race many writers or wait on live delivery: generous on a loaded 2-core box. */
export const SLOW_TEST_MS = 30_000;

/** What an adapter's spec hands the contract: a way to open a store on one and the same log. */
export interface EventStoreHarness {
  /** Each call opens a new store on the same log: closing one and opening another is a restart. */
  open(): Promise<EventStore>;
}

/** Shared by the feature groups of one run: the harness, and a store opened for the whole run. */
export interface ContractContext {
  harness(): EventStoreHarness;
  store(): EventStore;
}

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actorId: 'staff-7',
  actorRoles: ['correspondent'],
  correlationId: randomUUID(),
  causationId: randomUUID(),
  standardsVersion: 1,
  schemaVersion: 1,
  ...overrides,
});

/** A realistic event with data that exercises the JSON round trip (non-ASCII, exponents, nesting). */
export function aNewEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ComplaintReceived',
    occurredAt: '2026-09-01T08:30:00.000Z',
    data: {
      caseId: `c-${randomUUID()}`,
      channel: 'mail',
      subject: 'Größe M fehlt — «Lieferung» 😀',
      complainant: { type: 'distributor', id: 'D-17' },
      figures: [1.5e-7, 1e21, 12345.678, 0, -3],
    },
    metadata: metadata(),
    ...overrides,
  };
}

export const someEvents = (count: number, overrides: Partial<NewEvent> = {}): NewEvent[] =>
  Array.from({ length: count }, () => aNewEvent(overrides));

/** A stream nobody else writes to. */
export const aStream = (kind = 'case'): string => `${kind}-${randomUUID()}`;

/** What a recorded event must keep of the event handed over. */
export const asWritten = (event: NewEvent) => ({
  eventId: event.eventId,
  type: event.type,
  occurredAt: event.occurredAt,
  data: event.data,
  metadata: event.metadata,
});

export const revisionsOf = (events: RecordedEvent[]): number[] => events.map((e) => e.streamRevision);
