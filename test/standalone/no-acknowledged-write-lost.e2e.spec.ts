import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Http } from '../support/http.js';
import { startStandalone, type RunningStandalone } from '../support/standalone-process.js';

/**
 * `npm start` under load, stopped with SIGTERM and with SIGKILL, then started again on the same
 * DATA_DIR: every complaint the API acknowledged (201) must be there, with its events.
 */
describe('npm start keeps every acknowledged write across a stop', () => {
  let dataDir: string;

  beforeAll(async () => {
    execFileSync(process.execPath, ['infra/tools/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
    dataDir = await mkdtemp(join(tmpdir(), 'caseledger-standalone-'));
  }, 60_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Eight writers file complaints until the server stops answering; returns what was acknowledged. */
  async function fileComplaintsUntilDown(app: RunningStandalone, stop: () => void, stopAfterMs: number) {
    const http = new Http(app.url, app.token);
    const acknowledged: Array<{ caseId: string; eventIds: string[] }> = [];
    let down = false;
    const run = Math.random().toString(36).slice(2, 8);
    setTimeout(stop, stopAfterMs);
    const writer = async (w: number) => {
      for (let i = 0; !down; i++) {
        try {
          const reply = await http.post('/cases', {
            channel: 'mail',
            complainant: { type: 'customer', id: `${run}-W${w}-${i}` },
            subject: `Parcel ${i} never arrived`,
            body: 'Tracking has not moved for a week.',
          });
          if (reply.status === 201) acknowledged.push({ caseId: reply.body.caseId, eventIds: reply.body.eventIds });
          else if (reply.status !== 503) throw new Error(`unexpected ${reply.status}: ${JSON.stringify(reply.body)}`);
        } catch (error) {
          if ((error as Error).message.startsWith('unexpected')) throw error;
          down = true; // connection refused or reset: the server is gone
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    return acknowledged;
  }

  async function expectAllThere(acknowledged: Array<{ caseId: string; eventIds: string[] }>) {
    const app = await startStandalone(dataDir);
    try {
      const http = new Http(app.url, app.token);
      for (const { caseId, eventIds } of acknowledged) {
        const history = await http.get(`/cases/${caseId}/history`);
        expect(history.status).toBe(200);
        const stored = new Set(history.body.events.map((e: { eventId: string }) => e.eventId));
        for (const id of eventIds) expect(stored.has(id)).toBe(true);
      }
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  }

  it('after SIGTERM: drains, exits 0, and loses nothing', async () => {
    const app = await startStandalone(dataDir);
    const acknowledged = await fileComplaintsUntilDown(app, () => app.child.kill('SIGTERM'), 1500);
    const { code } = await app.exited;
    expect(code).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(20);
    await expectAllThere(acknowledged);
  }, 120_000);

  it('after SIGKILL: restarts on the same data and loses nothing', async () => {
    const app = await startStandalone(dataDir);
    const acknowledged = await fileComplaintsUntilDown(app, () => app.child.kill('SIGKILL'), 1500);
    const { signal } = await app.exited;
    expect(signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(20);
    await expectAllThere(acknowledged);
  }, 120_000);
});
