import { readFile } from 'node:fs/promises';
import {
  parseDigests,
  PostgresAuditLog,
  signingKeys,
  verifyDigests,
  type DigestReport,
  type SigningJwk,
} from '#audit';
import pg from 'pg';
import { withApplicationRole } from '#event-store';
import { openAuditDatabase } from './audit-database.js';
import type { CliIo } from './cli-io.js';

/**
 * `audit verify --digests FILE [--keys FILE]`: the log hash recomputed over the log in position
 * order and held against digests kept outside the system (SPEC §7.1). The keys: a JWK set saved
 * from GET /audit/public-keys, or those the database lists (a key counts only under the keyId its
 * own bytes give, so the database cannot slip another key in).
 */
export async function verifyAgainstDigests(
  digestsFile: string,
  keysFile: string | undefined,
  io: CliIo,
): Promise<DigestReport> {
  const digests = parseDigests(await readFile(digestsFile, 'utf8'));
  const database = await openAuditDatabase(io.env);
  const log = new PostgresAuditLog({ connection: { connectionString: database.url }, pageSize: 5000 });
  try {
    const keys = keysFile ? parseKeys(await readFile(keysFile, 'utf8')) : await keysInDatabase(database.url);
    return await verifyDigests(log.eventsInPositionOrder(), digests, keys);
  } finally {
    await log.close();
    await database.close();
  }
}

function parseKeys(text: string): SigningJwk[] {
  const parsed = JSON.parse(text) as { keys?: SigningJwk[] } | SigningJwk[];
  const keys = Array.isArray(parsed) ? parsed : parsed.keys;
  if (!Array.isArray(keys)) throw new Error('--keys: expected a JWK set { keys: [...] }');
  return keys;
}

async function keysInDatabase(url: string): Promise<SigningJwk[]> {
  const client = new pg.Client(withApplicationRole({ connectionString: url }));
  await client.connect();
  try {
    return await signingKeys(client);
  } finally {
    await client.end();
  }
}

export function digestVerdict(report: DigestReport): string {
  if (report.firstDivergence) return `DIVERGED: ${JSON.stringify(report.firstDivergence)}`;
  return `OK: ${report.digestsChecked} digests hold for the log (${report.eventsChecked} events)`;
}
