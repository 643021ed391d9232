/**
 * Every number that tunes Caseledger's behaviour, in one place with its reason. Three groups: the
 * defaults of environment variables (config.ts reads them; README's Configuration table lists them),
 * limits the API enforces on callers (README's Security section), and fixed internal tuning
 * (retries, batches, intervals) that no operator should need to change. Rules of the business live
 * in the domain, not here (SPEC's five minutes of clock skew: `MAX_FUTURE_SKEW_MS` in libs/domain).
 */

// --- Defaults of environment variables ---

/** COMMANDS_IN_FLIGHT: enough to keep PostgreSQL's group commit busy, few enough not to race. */
export const DEFAULT_COMMANDS_IN_FLIGHT = 16;
/** COMMANDS_WAITING_MAX: at ~250 commands/s, 4 s of work waiting for a turn. */
export const DEFAULT_COMMANDS_WAITING_MAX = 1000;
/** RATE_LIMIT_PER_SECOND and RATE_LIMIT_BURST: per caller (token subject, else address). */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 100;
export const DEFAULT_RATE_LIMIT_BURST = 200;
/** AUTH_MAX_TOKEN_LIFETIME_S: a token living longer than a day (`exp - iat`) is refused. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

// --- Limits the API enforces ---

/** An Idempotency-Key is kept in a unique index: longer ones are refused (a UUID is 36). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** Longer than any real token: refused before any decoding. */
export const MAX_TOKEN_LENGTH = 8192;
/** Clocks of the identity provider and of this server may differ a little: `iat` may be this far ahead. */
export const CLOCK_SKEW_SECONDS = 30;
/** Objects and arrays nested deeper than this are refused: no request or message needs more than 4. */
export const MAX_JSON_DEPTH = 32;
/** `GET /audit/events` page size: by default, and at most. */
export const DEFAULT_AUDIT_PAGE_SIZE = 100;
export const MAX_AUDIT_PAGE_SIZE = 1000;
/** `GET /cases` page size: by default, and at most. */
export const DEFAULT_CASE_PAGE = 50;
export const MAX_CASE_PAGE = 200;
/** Retry-After of a command refused because COMMANDS_WAITING_MAX commands already wait. */
export const BUSY_RETRY_AFTER_SECONDS = 1;
/** Retry-After while PostgreSQL is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

// --- Internal tuning ---

/**
 * Attempts of one command on streams others keep changing. Each round of a race has one winner,
 * so n writers need up to n attempts for the last of them: 6 let the 20th of 20 parallel responses
 * on one case fail with a 409.
 */
export const COMMAND_ATTEMPTS = 30;
/** Attempts of one append before giving up on a stream that others keep winning ('any' under heavy contention). */
export const APPEND_ATTEMPTS = 100;
/** Whole-stream reads of one tick go out as one statement, of at most this many streams. */
export const STREAMS_PER_STATEMENT = 100;
/** Lag is counted up to this many events: beyond it the figure says "at least", cheaply. */
export const LAG_COUNT_LIMIT = 100_000;
/** Free ports the embedded PostgreSQL is tried on before giving up (another process may take one first). */
export const EMBEDDED_START_ATTEMPTS = 3;
/** Topic creation is tried this many times while a broker that just started elects its controller. */
export const TOPIC_SETUP_ATTEMPTS = 20;
/**
 * What one dead-letter produce call may carry, in bytes of keys, values and headers: under the
 * broker's default `max.message.bytes` (1 MiB) with room for the batch's own framing.
 */
export const DEAD_LETTER_BATCH_BYTES = 900 * 1024;
/** Kafka header values stay short: operators read a refused message's error in a console. */
export const MAX_DEAD_LETTER_ERROR_LENGTH = 300;
/** Rate-limit buckets idle this long are full again, so they are dropped: memory follows active callers only. */
export const RATE_LIMIT_IDLE_MS = 60_000;

// --- The log's followers: what each does by default when its caller sets nothing ---
// Each follower still has its own values; one log processor (issue 20, item 2) is to settle them.

/** The projector: events per batch (one transaction), and its pauses when idle, after a failure, on standby. */
export const PROJECTOR_TUNING = { batchSize: 5000, idlePollMs: 100, retryMs: 1000, standbyPollMs: 1000 };
/** The event feed to Kafka: events per produce, and its pauses (standby: another process holds the feed). */
export const EVENT_FEED_TUNING = { batchSize: 500, idlePollMs: 100, retryMs: 1000, standbyPollMs: 3000 };
/** The digest issuer: events per page it hashes, and its pauses. */
export const DIGEST_ISSUER_TUNING = { pageSize: 10_000, retryMs: 1000, standbyPollMs: 2000 };
/** The digest feed to Kafka: how often it looks for new digests, and its pause after a failure. */
export const DIGEST_FEED_TUNING = { pollMs: 1000, retryMs: 2000 };
/** Order ingest from Kafka: messages per chunk (one append), the consumer's session, the restart pause. */
export const ORDER_INGEST_TUNING = { chunkSize: 1000, sessionTimeoutMs: 10_000, restartDelayMs: 5000 };
/** Audit reads: events per page of the audit log, and progress reported every so many events of a verify. */
export const AUDIT_TUNING = { logPageSize: 1000, verifyProgressEvery: 500 };
