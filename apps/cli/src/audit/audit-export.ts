import { parseArgs } from 'node:util';
import { CaseHistoryHandler, CaseHistoryQuery, isApplicationError, isoInstant } from '#application';
import { auditEventsMatching, PostgresAuditLog, writeNdjson, type AuditEventFilter } from '#audit';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
import { openAuditDatabase } from './audit-database.js';
import { EXIT, processIo, UsageError, type CliIo } from './cli-io.js';
import { refuseExisting, writeExportFile } from './export-file.js';

export const AUDIT_EXPORT_USAGE = `Usage: npm run cli -- audit export (--case ID | --from T --to T | --all) [--out FILE]
Writes the envelopes as NDJSON (one per line, hash and prevHash included) for docs/audit.md's verifier.
  --case ID    the case's history: its own events and its goodwill grants and refunds, in global order
  --from/--to  the events whose BUSINESS time (occurredAt) is in [from, to), ISO-8601; either may be left out
  --all        the whole log, in global order
  --out FILE   write to FILE instead of stdout: a new file, mode 0600 (an existing FILE or symlink is refused)
Connects with DATABASE_URL, else to the embedded PostgreSQL of DATA_DIR (default ./data).`;

type Selection = { caseId: string } | { period: AuditEventFilter } | { all: true };

/** `audit export`: NDJSON on stdout or `--out`, a one-line summary on stderr. */
export async function auditExport(argv: string[], io: CliIo = processIo()): Promise<number> {
  let selection: Selection;
  let outFile: string | undefined;
  try {
    ({ selection, outFile } = parseExportArgs(argv));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${AUDIT_EXPORT_USAGE}\n`);
    return EXIT.failed;
  }
  try {
    const written = await exportSelection(selection, outFile, io);
    io.stderr.write(`exported ${written} events${outFile ? ` to ${outFile}` : ''}\n`);
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`audit export: ${(error as Error).message}\n`);
    return isApplicationError(error) && error.code === 'CASE_NOT_FOUND' ? EXIT.found : EXIT.failed;
  }
}

function parseExportArgs(argv: string[]): { selection: Selection; outFile: string | undefined } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      case: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      all: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const period = values.from !== undefined || values.to !== undefined;
  if ([values.case !== undefined, period, values.all === true].filter(Boolean).length !== 1) {
    throw new UsageError('Give exactly one of --case, --from/--to, --all');
  }
  if (values.case !== undefined) return { selection: { caseId: values.case }, outFile: values.out };
  if (values.all) return { selection: { all: true }, outFile: values.out };
  const from = instant('--from', values.from);
  const to = instant('--to', values.to);
  if (from !== undefined && to !== undefined && Date.parse(from) >= Date.parse(to))
    throw new UsageError('--from must be before --to');
  return { selection: { period: { from, to } }, outFile: values.out };
}

function instant(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = isoInstant.safeParse(value);
  if (!parsed.success)
    throw new UsageError(`${option}: ${parsed.error.issues[0]?.message ?? 'not an ISO-8601 instant'}`);
  return parsed.data;
}

async function exportSelection(
  selection: Selection,
  outFile: string | undefined,
  io: CliIo,
): Promise<number> {
  if (outFile) await refuseExisting(outFile);
  const database = await openAuditDatabase(io.env);
  try {
    // The file appears once the events are all written (no empty file for an unknown case, no
    // truncated export passing for a whole one): see writeExportFile.
    return await withEvents(selection, database.url, async (events) => {
      if (!outFile) return writeNdjson(events, io.stdout, { end: false });
      return writeExportFile(outFile, (stream) => writeNdjson(events, stream));
    });
  } finally {
    await database.close();
  }
}

/**
 * A case's history comes from the application's own CaseHistoryHandler, so the export holds exactly
 * what `GET /cases/{id}/history` shows; a period or the whole log is paged from the audit log.
 */
async function withEvents<T>(
  selection: Selection,
  url: string,
  use: (events: AsyncIterable<RecordedEvent> | RecordedEvent[]) => Promise<T>,
): Promise<T> {
  if ('caseId' in selection) {
    const store = new PostgresEventStore({ connection: { connectionString: url }, poolSize: 2 });
    try {
      const history = await new CaseHistoryHandler(store).execute(new CaseHistoryQuery(selection.caseId));
      return await use(history.events);
    } finally {
      await store.close();
    }
  }
  const log = new PostgresAuditLog({ connection: { connectionString: url } });
  try {
    return await use(auditEventsMatching(log, 'period' in selection ? selection.period : {}));
  } finally {
    await log.close();
  }
}
