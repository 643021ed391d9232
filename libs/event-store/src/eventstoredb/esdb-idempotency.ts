import {
  jsonEvent,
  NO_STREAM,
  WrongExpectedVersionError,
  type EventStoreDBClient,
  type JSONType,
} from '@eventstore/db-client';
import type { IdempotencyRecord } from '../event-store.port.js';
import { IdempotencyKeyTaken } from '../errors.js';
import { readWholeStream } from './esdb-reads.js';

/**
 * Idempotency records as events of `caseledger-idempotency-{key}`: claimed (before the events are
 * appended), then completed (with where they went) or released (the append failed). `$`-types keep
 * them out of `$all` readers.
 *
 * NOT atomic with the events, unlike PostgreSQL: a process that dies between the append and
 * `complete` leaves a claim without positions; readIdempotency then answers the record with null
 * positions, and the key stays taken. The claim comes first so that a taken key never lets a
 * second request's events in.
 */
const CLAIMED = '$caseledger-idempotency-claimed';
const COMPLETED = '$caseledger-idempotency-completed';
const RELEASED = '$caseledger-idempotency-released';
const keyStream = (key: string) => `caseledger-idempotency-${key}`;

export type StoredIdempotency = IdempotencyRecord & {
  streamId: string | null;
  revision: number | null;
  globalPosition: number | null;
};

/** Returns the revision of the claim, for `complete`/`release`. */
export async function claimKey(client: EventStoreDBClient, record: IdempotencyRecord): Promise<bigint> {
  const claim = jsonEvent({
    type: CLAIMED,
    data: { requestHash: record.requestHash, answer: record.answer } as JSONType,
  });
  try {
    const result = await client.appendToStream(keyStream(record.key), claim, { expectedRevision: NO_STREAM });
    return result.nextExpectedRevision;
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
  // Taken, unless the last claim was released: then claim again, compare-and-set on its revision.
  const events = await readWholeStream(client, keyStream(record.key));
  const last = events.at(-1)?.event;
  if (last?.type !== RELEASED) throw new IdempotencyKeyTaken(record.key);
  try {
    const result = await client.appendToStream(keyStream(record.key), claim, {
      expectedRevision: last.revision,
    });
    return result.nextExpectedRevision;
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) throw new IdempotencyKeyTaken(record.key);
    throw error;
  }
}

export async function completeKey(
  client: EventStoreDBClient,
  key: string,
  claimRevision: bigint,
  at: { streamId: string; revision: number; globalPosition: number } | null,
): Promise<void> {
  await client.appendToStream(keyStream(key), jsonEvent({ type: COMPLETED, data: (at ?? {}) as JSONType }), {
    expectedRevision: claimRevision,
  });
}

export async function releaseKey(
  client: EventStoreDBClient,
  key: string,
  claimRevision: bigint,
): Promise<void> {
  await client.appendToStream(keyStream(key), jsonEvent({ type: RELEASED, data: {} }), {
    expectedRevision: claimRevision,
  });
}

export async function readKey(client: EventStoreDBClient, key: string): Promise<StoredIdempotency | null> {
  const events = (await readWholeStream(client, keyStream(key))).flatMap((e) => (e.event ? [e.event] : []));
  const claimIndex = events.map((e) => e.type).lastIndexOf(CLAIMED);
  const claim = events[claimIndex];
  if (!claim || events.slice(claimIndex).some((e) => e.type === RELEASED)) return null;
  const claimed = claim.data as unknown as Pick<IdempotencyRecord, 'requestHash' | 'answer'>;
  const completed = events.slice(claimIndex).find((e) => e.type === COMPLETED)?.data as
    { streamId?: string; revision?: number; globalPosition?: number } | undefined;
  return {
    key,
    requestHash: claimed.requestHash,
    answer: claimed.answer,
    streamId: completed?.streamId ?? null,
    revision: completed?.revision ?? null,
    globalPosition: completed?.globalPosition ?? null,
  };
}
