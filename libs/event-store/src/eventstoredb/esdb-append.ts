import { APPEND_ATTEMPTS } from '#config';
import { NO_STREAM, WrongExpectedVersionError, type EventStoreDBClient } from '@eventstore/db-client';
import type { AppendResult, RecordedEvent, StreamAppend } from '../event-store.port.js';
import { WrongExpectedRevision } from '../errors.js';
import { chainEvents, type StreamHead } from '../shared/chain-events.js';
import { inAppendOrder, loggedBefore } from '../shared/append-answer.js';
import type { StreamHeadCache } from '../shared/stream-head-cache.js';
import { toEventData } from './esdb-envelope.js';
import { claimEventIds } from './esdb-event-ids.js';
import { readStreamEvents } from './esdb-reads.js';

interface Plan {
  head: StreamHead | null;
  /** What EventStoreDB is asked to check: always exact, so the chain is never written on a stale head. */
  expected: typeof NO_STREAM | bigint;
  present: RecordedEvent[];
  toAppend: StreamAppend['events'];
  last: RecordedEvent | null;
}

/**
 * One stream. The hash chain is computed here, so every write names the exact revision it chained
 * on — also for the caller's 'any' and 'stream_exists', which become "the head just read" and are
 * retried on conflict (an ESDB `ANY` append could land behind a concurrent event with a stale
 * prevHash). Exact revisions and no_stream are never retried: that conflict is the caller's.
 */
export async function appendToOneStream(
  client: EventStoreDBClient,
  cache: StreamHeadCache,
  append: StreamAppend,
  recordedAt: string,
): Promise<AppendResult> {
  for (let attempt = 1; attempt <= APPEND_ATTEMPTS; attempt++) {
    const plan = await planAppend(client, cache, append);
    if (plan.toAppend.length === 0) return toResult(append, plan, [], []);
    await claimEventIds(
      client,
      append.streamId,
      plan.toAppend.map((e) => e.eventId),
    );
    const chained = chainEvents(append.streamId, plan.head, plan.toAppend, recordedAt);
    try {
      await client.appendToStream(append.streamId, chained.map(toEventData), {
        expectedRevision: plan.expected,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (typeof append.expectedRevision === 'number' || append.expectedRevision === 'no_stream') {
        const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
        throw new WrongExpectedRevision(append.streamId, append.expectedRevision, actual);
      }
      continue;
    }
    // Positions come from reading back; this also returns the originals when ESDB recognised a
    // repeated write (same ids at the same expected revision) and wrote nothing. Those carry an
    // earlier call's recordedAt, so their hashes differ from the ones chained here.
    const appended = await readStreamEvents(client, append.streamId, {
      fromRevision: chained[0]!.streamRevision,
      maxCount: chained.length,
    });
    const last = appended.at(-1);
    if (last) cache.remember(append.streamId, { revision: last.streamRevision, hash: last.hash });
    const repeated = appended.filter((event, i) => event.hash !== chained[i]?.hash);
    return toResult(append, plan, appended, repeated);
  }
  throw new WrongExpectedRevision(
    append.streamId,
    append.expectedRevision,
    cache.get(append.streamId)?.revision ?? 'no_stream',
  );
}

async function planAppend(
  client: EventStoreDBClient,
  cache: StreamHeadCache,
  append: StreamAppend,
): Promise<Plan> {
  const { streamId, expectedRevision: expected, events } = append;
  const write = (head: StreamHead | null, revision: typeof NO_STREAM | bigint): Plan => ({
    head,
    expected: revision,
    present: [],
    toAppend: events,
    last: null,
  });
  if (events.length > 0 && expected === 'no_stream') return write(null, NO_STREAM); // ESDB checks, and sees repeats
  const cached = cache.get(streamId);
  if (events.length > 0 && typeof expected === 'number' && cached?.revision === expected)
    return write(cached, BigInt(expected));
  if (events.length === 0 || typeof expected === 'number') {
    const [last] = await readStreamEvents(client, streamId, { direction: 'backwards', maxCount: 1 });
    const moved = typeof expected === 'number' && !!last && last.streamRevision > expected;
    if (!holds(expected, last ?? null) && !(moved && events.length > 0)) {
      throw new WrongExpectedRevision(streamId, expected, last?.streamRevision ?? 'no_stream');
    }
    if (events.length === 0)
      return { head: null, expected: NO_STREAM, present: [], toAppend: [], last: last ?? null };
    if (!moved)
      return write({ revision: last!.streamRevision, hash: last!.hash }, BigInt(expected as number));
    // The stream moved past the expectation: chain on the event at the expected revision. ESDB then
    // either recognises a repeat of an earlier write (and writes nothing) or refuses.
    const [at] = await readStreamEvents(client, streamId, { fromRevision: expected as number, maxCount: 1 });
    return write({ revision: expected as number, hash: at!.hash }, BigInt(expected as number));
  }
  // 'any' / 'stream_exists': the whole stream, to skip the ids it already holds (streams are short).
  const stream = await readStreamEvents(client, streamId);
  const last = stream.at(-1) ?? null;
  if (!holds(expected, last)) throw new WrongExpectedRevision(streamId, expected, 'no_stream');
  const inStream = new Map(stream.map((event) => [event.eventId, event]));
  return {
    head: last ? { revision: last.streamRevision, hash: last.hash } : null,
    expected: last ? BigInt(last.streamRevision) : NO_STREAM,
    present: events.flatMap((e) => inStream.get(e.eventId) ?? []),
    toAppend: events.filter((e) => !inStream.has(e.eventId)),
    last,
  };
}

function holds(expected: StreamAppend['expectedRevision'], last: RecordedEvent | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return last === null;
  if (expected === 'stream_exists') return last !== null;
  return last?.streamRevision === expected;
}

function toResult(
  append: StreamAppend,
  plan: Plan,
  appended: RecordedEvent[],
  repeated: RecordedEvent[],
): AppendResult {
  const reference =
    appended.at(-1) ??
    plan.present.reduce<RecordedEvent | undefined>(
      (max, e) => (!max || e.streamRevision > max.streamRevision ? e : max),
      undefined,
    ) ??
    plan.last;
  return {
    streamId: append.streamId,
    nextExpectedRevision: reference?.streamRevision ?? -1,
    globalPosition: reference?.globalPosition ?? 0,
    events: inAppendOrder(append, [...plan.present, ...appended]),
    alreadyLogged: loggedBefore(append, [...plan.present, ...repeated]),
  };
}
