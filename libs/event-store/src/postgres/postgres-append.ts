import { APPEND_ATTEMPTS } from '#config';
import type { Pool } from 'pg';
import type { AppendResult, IdempotencyRecord, RecordedEvent, StreamAppend } from '../event-store.port.js';
import { IdempotencyKeyTaken, WrongExpectedRevision } from '../errors.js';
import { atPosition, serialiseChain } from '../shared/chain-events.js';
import { inAppendOrder, loggedBefore } from '../shared/append-answer.js';
import type { StreamHeadCache } from '../shared/stream-head-cache.js';
import { appendStatement, idempotencyStatement, positionsOf } from './append-statement.js';
import {
  lookupNeeds,
  prepareWrite,
  resolveConflict,
  type Resolution,
  type StreamWrite,
} from './append-planning.js';
import { IDEMPOTENCY_KEY, isUniqueViolation } from './pg-errors.js';
import { lookupStreams, type StreamLookup } from './stream-lookup.js';
import { sendAppend } from '../faults/send-append.js';

/** One stream of the call, done: what it found already logged and what it appended. */
interface Settled {
  write: StreamWrite;
  appended: RecordedEvent[];
}

/**
 * Appends to one or more streams atomically. The common case (exact expected revision known to the
 * cache, or no_stream) is one round trip: the INSERT statement. A read comes first only when the
 * head is unknown or the caller named no revision; a conflict costs one more read to tell an
 * idempotent repeat from a real conflict. Conflicts are retried only for streams whose caller named
 * no revision: a conflict on an exact revision belongs to the caller (If-Match semantics).
 */
export async function appendAtomically(
  pool: Pool,
  cache: StreamHeadCache,
  appends: StreamAppend[],
  recordedAt: string,
  idempotency?: IdempotencyRecord,
): Promise<AppendResult[]> {
  const settled = new Map<number, Settled>();
  const results = () => appends.map((append, index) => toResult(append, settled.get(index)!));
  let conflicted = false;
  for (let attempt = 1; attempt <= APPEND_ATTEMPTS; attempt++) {
    const pending = appends
      .map((append, index) => ({ append, index }))
      .filter(({ index }) => !settled.has(index));
    const outcomes = await prepareWrites(
      pool,
      cache,
      pending.map((p) => p.append),
      conflicted,
    );
    outcomes.forEach((outcome, i) => {
      if (outcome.kind === 'settled')
        settled.set(pending[i]!.index, {
          write: presentOnly(pending[i]!.append.streamId, outcome.present),
          appended: [],
        });
    });
    if (outcomes.some((outcome) => outcome.kind === 'retry')) continue;
    const toWrite = pending.flatMap((p, i) => {
      const outcome = outcomes[i]!;
      return outcome.kind === 'write' ? [{ index: p.index, write: outcome.write }] : [];
    });
    const chained = toWrite.map(({ write }) =>
      serialiseChain(write.streamId, write.head, write.toAppend, recordedAt),
    );
    if (chained.every((events) => events.length === 0)) {
      toWrite.forEach(({ index, write }) => settled.set(index, { write, appended: [] }));
      break;
    }
    try {
      const serialised = chained.flat();
      const { rows } = await sendAppend<{ positions: string }>(
        pool,
        appendStatement(serialised, idempotency),
      );
      const positions = positionsOf(rows, serialised.length);
      let next = 0; // the statement's n-th event is serialised[n]
      toWrite.forEach(({ index, write }, i) => {
        const appended = chained[i]!.map(({ event }) => atPosition(event, positions[next++]!));
        settled.set(index, { write, appended });
        const last = appended.at(-1);
        if (last) cache.remember(write.streamId, { revision: last.streamRevision, hash: last.hash });
      });
      return results(); // the idempotency record went in with the events
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (error.constraint === IDEMPOTENCY_KEY && idempotency) throw new IdempotencyKeyTaken(idempotency.key);
      conflicted = true;
      const lookup = await lookupEverything(
        pool,
        cache,
        pending.map((p) => p.append),
      );
      for (const { append, index } of pending) {
        const resolution = resolveConflict(append, lookup);
        if (resolution.kind === 'settled')
          settled.set(index, { write: presentOnly(append.streamId, resolution.present), appended: [] });
      }
      if (settled.size === appends.length) break;
    }
  }
  if (settled.size < appends.length) {
    const contended = appends.find((_, index) => !settled.has(index))!;
    throw new WrongExpectedRevision(
      contended.streamId,
      contended.expectedRevision,
      cache.get(contended.streamId)?.revision ?? 'no_stream',
    );
  }
  // Every event the call named was logged already (a repeat), or it named none.
  if (idempotency) await recordIdempotencyAlone(pool, idempotency, results());
  return results();
}

type Outcome = { kind: 'write'; write: StreamWrite } | Resolution;

/** Reads what the writes need (one round trip at most, none when the cache suffices); ids only after a conflict. */
async function prepareWrites(
  pool: Pool,
  cache: StreamHeadCache,
  appends: StreamAppend[],
  conflicted: boolean,
): Promise<Outcome[]> {
  const needs = appends.map((append) => lookupNeeds(append, cache.get(append.streamId), conflicted));
  const lookup = await lookupStreams(
    pool,
    appends.filter((_, i) => needs[i]!.head).map((a) => a.streamId),
    appends.filter((_, i) => needs[i]!.ids).flatMap((a) => a.events.map((e) => e.eventId)),
  );
  lookup.heads.forEach((head) => rememberHead(cache, head));
  const preparations = appends.map((append) => prepareWrite(append, cache.get(append.streamId), lookup));
  const checks = appends.filter((_, i) => preparations[i]!.kind === 'check');
  if (checks.length === 0) return preparations as Outcome[];
  // An expectation looks violated: one more read says whether this call repeats an earlier one.
  // resolveConflict throws the caller's error unless it does (or the head moved meanwhile: retry).
  const lookupWithIds = await lookupEverything(pool, cache, checks);
  return preparations.map((preparation, i) =>
    preparation.kind === 'check' ? resolveConflict(appends[i]!, lookupWithIds) : preparation,
  );
}

async function lookupEverything(
  pool: Pool,
  cache: StreamHeadCache,
  appends: StreamAppend[],
): Promise<StreamLookup> {
  const lookup = await lookupStreams(
    pool,
    appends.map((a) => a.streamId),
    appends.flatMap((a) => a.events.map((e) => e.eventId)),
  );
  lookup.heads.forEach((head) => rememberHead(cache, head));
  return lookup;
}

async function recordIdempotencyAlone(
  pool: Pool,
  idempotency: IdempotencyRecord,
  results: AppendResult[],
): Promise<void> {
  const last = results.flatMap((result) => result.events).at(-1);
  const at = last
    ? { streamId: last.streamId, revision: last.streamRevision, globalPosition: last.globalPosition }
    : null;
  const { rowCount } = await pool.query(idempotencyStatement(idempotency, at));
  if (rowCount === 0) throw new IdempotencyKeyTaken(idempotency.key);
}

function rememberHead(cache: StreamHeadCache, head: RecordedEvent | undefined): void {
  if (head) cache.remember(head.streamId, { revision: head.streamRevision, hash: head.hash });
}

function presentOnly(streamId: string, present: RecordedEvent[]): StreamWrite {
  return { streamId, head: null, toAppend: [], present, lastRead: null };
}

function toResult(append: StreamAppend, { write, appended }: Settled): AppendResult {
  // Nothing was there before (the common case): what was appended is the append, in its order.
  const events =
    write.present.length === 0 ? appended : inAppendOrder(append, [...write.present, ...appended]);
  // Newly appended: the stream's new head. A repeat: the original append's last event (as
  // EventStoreDB answers an idempotent write). Nothing named: the head as read.
  const reference = appended.at(-1) ?? latest(write.present) ?? write.lastRead;
  return {
    streamId: append.streamId,
    nextExpectedRevision: reference?.streamRevision ?? -1,
    globalPosition: reference?.globalPosition ?? 0,
    events,
    alreadyLogged: loggedBefore(append, write.present),
  };
}

function latest(events: RecordedEvent[]): RecordedEvent | undefined {
  return events.reduce<RecordedEvent | undefined>(
    (max, e) => (!max || e.streamRevision > max.streamRevision ? e : max),
    undefined,
  );
}
