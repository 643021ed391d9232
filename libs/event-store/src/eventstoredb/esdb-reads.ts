import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamNotFoundError,
  type EventStoreDBClient,
  type ResolvedEvent,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../event-store.port.js';
import { fromResolvedEvent, isUserEvent } from './esdb-envelope.js';

/** A stream's resolved events; [] when it does not exist (the client throws StreamNotFound). */
export async function readWholeStream(
  client: EventStoreDBClient,
  streamId: string,
  maxCount?: number,
): Promise<ResolvedEvent[]> {
  return collect(
    client.readStream(streamId, {
      direction: FORWARDS,
      fromRevision: START,
      ...(maxCount ? { maxCount } : {}),
    }),
  );
}

export async function readStreamEvents(
  client: EventStoreDBClient,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const resolved = await collect(
    client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    }),
  );
  return resolved.map(fromResolvedEvent).filter((event): event is RecordedEvent => !!event);
}

/**
 * `$all` after a position, user events only. The client's readAll takes no filter, so bookkeeping
 * events are dropped here and reading continues until `maxCount` user events or the end.
 */
export async function readAllEvents(
  client: EventStoreDBClient,
  options: ReadAllOptions = {},
): Promise<RecordedEvent[]> {
  const wanted = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  const chunk = Math.min(Math.max(wanted, 100), 1_000);
  const events: RecordedEvent[] = [];
  let after = options.after ?? 0;
  let from: { commit: bigint; prepare: bigint } | typeof START =
    after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START;
  for (;;) {
    const page = await collect(client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: chunk }));
    for (const resolved of page) {
      const position = resolved.event?.position.commit;
      if (position === undefined || position <= BigInt(after)) continue; // readAll starts at `from` inclusive
      after = Number(position);
      const event = isUserEvent(resolved) ? fromResolvedEvent(resolved) : null;
      if (event) events.push(event);
      if (events.length >= wanted) return events;
    }
    if (page.length < chunk) return events;
    from = { commit: BigInt(after), prepare: BigInt(after) };
  }
}

/** The last user event's position, read backwards from the end. */
export async function headPositionOf(client: EventStoreDBClient): Promise<number> {
  let from: { commit: bigint; prepare: bigint } | typeof END = END;
  for (;;) {
    const page: AllStreamResolvedEvent[] = await collect(
      client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: 100 }),
    );
    const user = page.find(isUserEvent);
    if (user?.event) return Number(user.event.position.commit);
    const last = page.at(-1)?.event;
    if (page.length < 100 || !last) return 0;
    from = last.position;
  }
}

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  try {
    for await (const item of read) items.push(item);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return items;
}
