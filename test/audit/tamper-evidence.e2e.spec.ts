import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditExport } from '../../apps/cli/src/audit/audit-export.js';
import type { TestApp } from '../support/test-app.js';
import { capturedIo, changeAmount, deleteEvent, logSize, startAuditApp } from './support/audit-app.js';
import { aDepartmentDay, type AuditScenario } from './support/audit-scenario.js';
import { runPython, writeDocumentedVerifier } from './support/python-verifier.js';

/**
 * SPEC §7 end to end: the log proves itself untouched, and an out-of-band change by a superuser
 * (triggers switched off) is named by GET /audit/verify — and, independently, by the Python
 * verifier printed in docs/audit.md, run on an export made with the CLI.
 */
describe('tamper evidence', () => {
  let app: TestApp;
  let day: AuditScenario;
  let dir: string;
  let python: string;

  beforeAll(async () => {
    app = await startAuditApp();
    day = await aDepartmentDay(app);
    dir = mkdtempSync(join(tmpdir(), 'caseledger-audit-'));
    python = writeDocumentedVerifier(dir);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const verify = async () => {
    const reply = await day.auditor.get('/audit/verify');
    expect(reply.status).toBe(200);
    return reply.body;
  };

  /** `audit export` as the CLI runs it, on the test app's database. */
  const exported = async (name: string, ...args: string[]) => {
    const file = join(dir, `${name}.ndjson`);
    const io = capturedIo({ DATABASE_URL: app.databaseUrl });
    expect(await auditExport([...args, '--out', file], io)).toBe(0);
    return file;
  };

  it('an intact log: ok, with as many streams and events as the database holds', async () => {
    const size = await logSize(app.databaseUrl);
    expect(size.events).toBeGreaterThan(15);
    expect(await verify()).toEqual({ ok: true, streamsChecked: size.streams, eventsChecked: size.events });
  });

  it('the documented verifier accepts the exports: the whole log, a period covering it, and a case with its grant and refund', async () => {
    const { streams, events } = await logSize(app.databaseUrl);
    expect(runPython(python, await exported('all', '--all'))).toEqual({
      status: 0,
      verdict: `OK ${streams} streams, ${events} events`,
    });
    const period = await exported('period', '--from', '2000-01-01T00:00:00Z', '--to', '2100-01-01T00:00:00Z');
    expect(runPython(python, period)).toEqual({
      status: 0,
      verdict: `OK ${streams} streams, ${events} events`,
    });

    const caseFile = await exported('case', '--case', day.caseA);
    const lines = readFileSync(caseFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      lines.filter((e) => e.streamId !== `case-${day.caseA}`).map((e) => `${e.type} ${e.streamId}`),
    ).toEqual(['GoodwillGranted goodwill-C-2', 'RefundIssued order-O-1']);
    expect(runPython(python, caseFile, '--partial')).toEqual({
      status: 0,
      verdict: `OK 3 streams, ${lines.length} events`,
    });
    // Without --partial the grant's stream starts at revision 1 of goodwill-C-2 in this file: not a whole log.
    expect(runPython(python, caseFile).verdict).toBe('BREAK goodwill-C-2 1 revision_gap');
  });

  it('a superuser changes the amount of a goodwill grant: verify names goodwill-C-2 revision 1, and so does Python', async () => {
    const size = await logSize(app.databaseUrl);
    const restore = await changeAmount(app.databaseUrl, 'goodwill-C-2', 1, 250_000);
    try {
      expect(await verify()).toEqual({
        ok: false,
        streamsChecked: size.streams,
        eventsChecked: size.events,
        firstBreak: { streamId: 'goodwill-C-2', streamRevision: 1, reason: 'hash_mismatch' },
      });
      expect(runPython(python, await exported('changed-all', '--all'))).toEqual({
        status: 1,
        verdict: 'BREAK goodwill-C-2 1 hash_mismatch',
      });
      expect(
        runPython(python, await exported('changed-case', '--case', day.caseA), '--partial').verdict,
      ).toBe('BREAK goodwill-C-2 1 hash_mismatch');
    } finally {
      await restore();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('a superuser changes a refund: the break named is the first in stream order, for both verifiers', async () => {
    const restoreRefund = await changeAmount(app.databaseUrl, 'order-O-1', 1, 1);
    const restoreGrant = await changeAmount(app.databaseUrl, 'goodwill-C-2', 1, 1);
    try {
      // 'goodwill-C-2' < 'order-O-1': the grant is the first break although the refund was changed first.
      expect((await verify()).firstBreak).toEqual({
        streamId: 'goodwill-C-2',
        streamRevision: 1,
        reason: 'hash_mismatch',
      });
      expect(runPython(python, await exported('two-changes', '--all')).verdict).toBe(
        'BREAK goodwill-C-2 1 hash_mismatch',
      );
    } finally {
      await restoreGrant();
    }
    try {
      expect((await verify()).firstBreak).toEqual({
        streamId: 'order-O-1',
        streamRevision: 1,
        reason: 'hash_mismatch',
      });
      expect(runPython(python, await exported('refund-changed', '--all')).verdict).toBe(
        'BREAK order-O-1 1 hash_mismatch',
      );
    } finally {
      await restoreRefund();
    }
  });

  it('a superuser deletes a middle event of a case: verify names the gap after it, and so does Python', async () => {
    const size = await logSize(app.databaseUrl);
    const stream = `case-${day.caseA}`;
    const restore = await deleteEvent(app.databaseUrl, stream, 1);
    try {
      expect(await verify()).toEqual({
        ok: false,
        streamsChecked: size.streams,
        eventsChecked: size.events - 1,
        firstBreak: { streamId: stream, streamRevision: 2, reason: 'revision_gap' },
      });
      expect(runPython(python, await exported('deleted', '--all'))).toEqual({
        status: 1,
        verdict: `BREAK ${stream} 2 revision_gap`,
      });
    } finally {
      await restore();
    }
    expect(await verify()).toEqual({ ok: true, streamsChecked: size.streams, eventsChecked: size.events });
  });
});
