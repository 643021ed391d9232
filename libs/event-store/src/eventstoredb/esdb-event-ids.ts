import {
  jsonEvent,
  NO_STREAM,
  WrongExpectedVersionError,
  type EventStoreDBClient,
  type JSONType,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port.js';
import { DuplicateEventId } from '../errors.js';
import { readWholeStream } from './esdb-reads.js';

/**
 * EventStoreDB checks event ids only per stream (its idempotent writes); the port promises an id
 * is in the log once. Before an append, each id is claimed in a stream of its own,
 * `caseledger-event-id-{id}`, naming the stream the event is meant for. A claim naming another
 * stream is a DuplicateEventId. The claims also serve readEventsById.
 *
 * Not atomic with the append (ESDB 24.10 has no multi-stream append): an append that then fails
 * leaves its claims, which keep those ids reserved for that stream — the id never lands elsewhere.
 */
const CLAIM_TYPE = '$caseledger-event-id-claimed';
const claimStream = (eventId: string) => `caseledger-event-id-${eventId}`;

export async function claimEventIds(
  client: EventStoreDBClient,
  streamId: string,
  eventIds: string[],
): Promise<void> {
  await Promise.all(eventIds.map((eventId) => claimEventId(client, streamId, eventId)));
}

async function claimEventId(client: EventStoreDBClient, streamId: string, eventId: string): Promise<void> {
  try {
    await client.appendToStream(
      claimStream(eventId),
      jsonEvent({ type: CLAIM_TYPE, data: { streamId } as JSONType }),
      {
        expectedRevision: NO_STREAM,
      },
    );
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    const claimedFor = await claimedStream(client, eventId);
    if (claimedFor !== streamId) throw new DuplicateEventId(eventId, streamId);
  }
}

async function claimedStream(client: EventStoreDBClient, eventId: string): Promise<string | null> {
  const [claim] = await readWholeStream(client, claimStream(eventId), 1);
  const data = claim?.event?.data as { streamId?: string } | undefined;
  return data?.streamId ?? null;
}

/** Events by id through their claims; ids whose append never landed are simply absent. */
export async function readEventsByClaims(
  client: EventStoreDBClient,
  eventIds: string[],
  readStream: (streamId: string) => Promise<RecordedEvent[]>,
): Promise<RecordedEvent[]> {
  const found = await Promise.all(
    eventIds.map(async (eventId) => {
      const streamId = await claimedStream(client, eventId.toLowerCase());
      if (!streamId) return undefined;
      return (await readStream(streamId)).find((event) => event.eventId === eventId.toLowerCase());
    }),
  );
  return found
    .filter((event): event is RecordedEvent => !!event)
    .sort((a, b) => a.globalPosition - b.globalPosition);
}
