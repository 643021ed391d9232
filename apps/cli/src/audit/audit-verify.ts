import { parseArgs } from 'node:util';
import { PostgresAuditLog, verifyChains, type VerificationReport } from '#audit';
import { openAuditDatabase } from './audit-database.js';
import { EXIT, processIo, type CliIo } from './cli-io.js';
import { verifyProgress } from './verify-progress.js';
import { digestVerdict, verifyAgainstDigests } from './audit-verify-digests.js';

export const AUDIT_VERIFY_USAGE = `Usage: npm run cli -- audit verify [--json] [--digests FILE [--keys FILE]]
Recomputes every hash chain of the log (SPEC §7), as GET /audit/verify does.
  --json           print the report { ok, streamsChecked, eventsChecked, firstBreak? } as JSON
  --digests FILE   instead, hold the log against signed digests kept outside the system (SPEC §7.1):
                   FILE is GET /audit/digests' answer or one digest per line; the first divergence
                   is printed as { position, reason } (--json: { ok, digestsChecked, eventsChecked, firstDivergence? })
  --keys FILE      the JWK set of GET /audit/public-keys saved with the digests; default: the keys the database lists
Connects with DATABASE_URL, else to the embedded PostgreSQL of DATA_DIR (default ./data).
Exit code: 0 every chain intact, 1 a chain is broken, 2 could not run.`;

/** `audit verify`: progress on stderr (a bar on a terminal), the verdict on stdout. */
export async function auditVerify(argv: string[], io: CliIo = processIo()): Promise<number> {
  let json: boolean;
  let digests: string | undefined;
  let keys: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        digests: { type: 'string' },
        keys: { type: 'string' },
      },
      strict: true,
    });
    json = values.json === true;
    ({ digests, keys } = values);
    if (keys !== undefined && digests === undefined) throw new Error('--keys goes with --digests');
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${AUDIT_VERIFY_USAGE}\n`);
    return EXIT.failed;
  }
  if (digests !== undefined) {
    try {
      const report = await verifyAgainstDigests(digests, keys, io);
      io.stdout.write(json ? `${JSON.stringify(report)}\n` : `${digestVerdict(report)}\n`);
      return report.ok ? EXIT.ok : EXIT.found;
    } catch (error) {
      io.stderr.write(`audit verify: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
  }
  let report: VerificationReport;
  try {
    report = await verifyLog(io);
  } catch (error) {
    io.stderr.write(`audit verify: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  io.stdout.write(json ? `${JSON.stringify(report)}\n` : `${verdict(report)}\n`);
  return report.ok ? EXIT.ok : EXIT.found;
}

async function verifyLog(io: CliIo): Promise<VerificationReport> {
  const database = await openAuditDatabase(io.env);
  const log = new PostgresAuditLog({ connection: { connectionString: database.url } });
  try {
    const progress = verifyProgress(io.stderr, await log.countEvents());
    const report = await verifyChains(log.eventsInChainOrder(), { onProgress: (p) => progress.update(p) });
    progress.done(report);
    return report;
  } finally {
    await log.close();
    await database.close();
  }
}

function verdict(report: VerificationReport): string {
  const counted = `${report.streamsChecked} streams, ${report.eventsChecked} events`;
  if (!report.firstBreak) return `OK: every chain intact (${counted})`;
  const { streamId, streamRevision, reason } = report.firstBreak;
  return `BROKEN: first break in stream ${streamId} at revision ${streamRevision}: ${reason} (${counted})`;
}
