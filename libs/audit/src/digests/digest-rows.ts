import type { ClientBase, Pool } from 'pg';
import type { LogDigest, SigningJwk } from './digest.js';

type Db = ClientBase | Pool;

interface DigestRow {
  position: string;
  event_count: string;
  log_hash: string;
  issued_at: string;
  key_id: string;
  signature: string;
}

const COLUMNS = 'position, event_count, log_hash, issued_at, key_id, signature';
const toDigest = (r: DigestRow): LogDigest => ({
  position: Number(r.position),
  eventCount: Number(r.event_count),
  logHash: r.log_hash,
  issuedAt: r.issued_at,
  keyId: r.key_id,
  signature: r.signature,
});

/** Digests with a position above `after`, in position order. */
export async function digestsAfter(db: Db, after: number, limit: number): Promise<LogDigest[]> {
  const { rows } = await db.query<DigestRow>(
    `SELECT ${COLUMNS} FROM audit.log_digests WHERE position > $1 ORDER BY position LIMIT $2`,
    [after, limit],
  );
  return rows.map(toDigest);
}

export async function latestDigest(db: Db): Promise<LogDigest | null> {
  const { rows } = await db.query<DigestRow>(
    `SELECT ${COLUMNS} FROM audit.log_digests ORDER BY position DESC LIMIT 1`,
  );
  return rows[0] ? toDigest(rows[0]) : null;
}

/** Every key that ever signed, oldest first: old keys stay listed after a rotation. */
export async function signingKeys(db: Db): Promise<SigningJwk[]> {
  const { rows } = await db.query<{ jwk: SigningJwk }>(
    'SELECT jwk FROM audit.signing_keys ORDER BY first_used_at, key_id',
  );
  return rows.map((r) => r.jwk);
}

export async function recordSigningKey(db: Db, jwk: SigningJwk): Promise<void> {
  await db.query(
    'INSERT INTO audit.signing_keys (key_id, jwk) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING',
    [jwk.kid, jwk],
  );
}

export interface DigestCheckpoint {
  position: number;
  eventCount: number;
  logHash: string;
}

export async function readDigestCheckpoint(db: Db): Promise<DigestCheckpoint> {
  const { rows } = await db.query<{ position: string; event_count: string; log_hash: string }>(
    `SELECT position, event_count, log_hash FROM audit.digest_checkpoint WHERE name = 'log'`,
  );
  if (!rows[0]) throw new Error('audit.digest_checkpoint has no row: run the audit migrations');
  return {
    position: Number(rows[0].position),
    eventCount: Number(rows[0].event_count),
    logHash: rows[0].log_hash,
  };
}

/** Another issuer moved the checkpoint first: this digest must not be stored. */
export class DigestCheckpointMoved extends Error {}

/**
 * The digest and the checkpoint it moves, in one transaction. Compare-and-set on the checkpoint
 * (whose row lock also queues a second issuer behind the first), then the insert: either both
 * happen or neither, so a crash or a stale issuer never leaves two digests for one position.
 */
export async function storeDigest(
  client: ClientBase,
  from: DigestCheckpoint,
  digest: LogDigest,
): Promise<void> {
  await client.query('BEGIN');
  try {
    const moved = await client.query(
      `UPDATE audit.digest_checkpoint SET position = $2, event_count = $3, log_hash = $4
       WHERE name = 'log' AND position = $1 AND event_count = $5 AND log_hash = $6`,
      [from.position, digest.position, digest.eventCount, digest.logHash, from.eventCount, from.logHash],
    );
    if (moved.rowCount !== 1)
      throw new DigestCheckpointMoved(`the digest checkpoint is no longer at ${from.position}`);
    await client.query(`INSERT INTO audit.log_digests (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
      digest.position,
      digest.eventCount,
      digest.logHash,
      digest.issuedAt,
      digest.keyId,
      digest.signature,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * (position, hash) of the events after `after`, only below every transaction still in flight: the
 * same gap-safe horizon as the projector's reads, so a digest only ever covers a final prefix of
 * the log and a later digest extends an earlier one.
 */
export async function eventHashesAfter(
  db: Db,
  after: number,
  limit: number,
): Promise<Array<{ position: number; hash: string }>> {
  const { rows } = await db.query<{ position: string; hash: string }>({
    name: 'audit_event_hashes_after',
    text: `SELECT global_position AS position, hash FROM event_store.events
           WHERE global_position > $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY global_position LIMIT $2`,
    values: [after, limit],
  });
  return rows.map((r) => ({ position: Number(r.position), hash: r.hash }));
}
