import { AUDIT_TUNING } from '#config';
import { eventHash, GENESIS_HASH, type ChainBreak, type RecordedEvent } from '#event-store';
import { compareChainPositions } from './chain-order.js';

/** The answer of `GET /audit/verify` (SPEC §7); `firstBreak` only when a chain is broken. */
export interface VerificationReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  firstBreak?: ChainBreak;
}

export interface VerificationProgress {
  streamsChecked: number;
  eventsChecked: number;
}

export interface VerifyOptions {
  /** Called every `progressEvery` events and once at the end (the CLI's progress bar). */
  onProgress?: (progress: VerificationProgress) => void;
  /** Default 500. */
  progressEvery?: number;
}

/** Where the walk stands in the stream it is reading: the only state kept, whatever the log's size. */
interface StreamWalk {
  streamId: string;
  nextRevision: number;
  prevHash: string;
  broken: boolean;
}

/**
 * Recomputes every chain of the log in one pass, keeping one stream's position at a time, so memory
 * stays constant however long the log. `source` yields each stream's events together and in
 * revision order (PostgresAuditLog.eventsInChainOrder); streams may come in any order.
 *
 * The checks and their order are those of `findChainBreak` (libs/event-store), applied event by
 * event instead of to a whole stream held in memory:
 * - `revision_gap`: this event's revision is not the one expected — the revisions before it were
 *   deleted (or the stream does not start at 0);
 * - `prev_hash_mismatch`: its prevHash is not the previous event's hash (a link was rewritten);
 * - `hash_mismatch`: SHA-256(prevHash ‖ JCS(envelope)) differs from its hash (the event was changed).
 * The whole log is read even after a break, so the counts are the log's; of all breaks, the first
 * in (streamId by code point, revision) order is reported, each stream's first break only.
 */
export async function verifyChains(
  source: AsyncIterable<RecordedEvent>,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const every = options.progressEvery ?? AUDIT_TUNING.verifyProgressEvery;
  let walk: StreamWalk | null = null;
  let streamsChecked = 0;
  let eventsChecked = 0;
  let firstBreak: ChainBreak | undefined;
  for await (const event of source) {
    if (walk === null || walk.streamId !== event.streamId) {
      walk = { streamId: event.streamId, nextRevision: 0, prevHash: GENESIS_HASH, broken: false };
      streamsChecked += 1;
    }
    eventsChecked += 1;
    if (!walk.broken) {
      const reason = linkProblem(walk, event);
      if (reason === null) {
        walk.nextRevision = event.streamRevision + 1;
        walk.prevHash = event.hash;
      } else {
        walk.broken = true;
        const found: ChainBreak = { streamId: event.streamId, streamRevision: event.streamRevision, reason };
        if (firstBreak === undefined || compareChainPositions(found, firstBreak) < 0) firstBreak = found;
      }
    }
    if (eventsChecked % every === 0) options.onProgress?.({ streamsChecked, eventsChecked });
  }
  options.onProgress?.({ streamsChecked, eventsChecked });
  return firstBreak === undefined
    ? { ok: true, streamsChecked, eventsChecked }
    : { ok: false, streamsChecked, eventsChecked, firstBreak };
}

function linkProblem(walk: StreamWalk, event: RecordedEvent): ChainBreak['reason'] | null {
  if (event.streamRevision !== walk.nextRevision) return 'revision_gap';
  if (event.prevHash !== walk.prevHash) return 'prev_hash_mismatch';
  if (eventHash(event.prevHash, event) !== event.hash) return 'hash_mismatch';
  return null;
}
