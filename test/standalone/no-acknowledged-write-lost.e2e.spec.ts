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
    // npm start's entry runs from dist/, built once by jest's globalSetup.
    dataDir = await mkdtemp(join(tmpdir(), 'caseledger-standalone-'));
  }, 60_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  interface Acknowledged {
    caseId: string;
    revision: number;
    eventIds: string[];
    complainantId: string;
    subject: string;
  }

  /** Eight writers file complaints until the server stops answering; returns what was acknowledged. */
  async function fileComplaintsUntilDown(
    app: RunningStandalone,
    stop: () => void,
    stopAfterAcknowledged: number,
  ) {
    const http = new Http(app.url, app.token);
    const acknowledged: Acknowledged[] = [];
    let down = false;
    const run = Math.random().toString(36).slice(2, 8);
    const writer = async (w: number) => {
      for (let i = 0; !down; i++) {
        const complainantId = `${run}-W${w}-${i}`;
        const subject = `Parcel ${i} never arrived`;
        try {
          const reply = await http.post('/cases', {
            channel: 'mail',
            complainant: { type: 'customer', id: complainantId },
            subject,
            body: 'Tracking has not moved for a week.',
          });
          if (reply.status === 201) {
            acknowledged.push({
              caseId: reply.body.caseId,
              revision: reply.body.revision,
              eventIds: reply.body.eventIds,
              complainantId,
              subject,
            });
            // Stop it in the middle of the work: the other writers still have requests in flight.
            if (acknowledged.length === stopAfterAcknowledged) stop();
          } else if (reply.status !== 503)
            throw new Error(`unexpected ${reply.status}: ${JSON.stringify(reply.body)}`);
        } catch (error) {
          if ((error as Error).message.startsWith('unexpected')) throw error;
          down = true; // connection refused or reset: the server is gone
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    return acknowledged;
  }

  /**
   * Each acknowledged complaint wrote two events: ComplaintReceived in the case's stream (seen in its
   * history) and the entry in the complainant's stream (seen when the same complainant writes again
   * about the same subject: a repeat of that case, not a new one).
   */
  async function expectAllThere(acknowledged: Acknowledged[]) {
    const app = await startStandalone(dataDir);
    try {
      const http = new Http(app.url, app.token);
      const lost: string[] = [];
      for (const { caseId, revision, eventIds, complainantId, subject } of acknowledged) {
        const history = await http.get(`/cases/${caseId}/history`);
        const received = (history.body.events ?? []).find(
          (e: { streamRevision: number }) => e.streamRevision === revision,
        );
        if (!received || !eventIds.includes(received.eventId))
          lost.push(`${caseId}: ComplaintReceived (history ${history.status})`);
        const again = await http.post('/cases', {
          channel: 'email',
          complainant: { type: 'customer', id: complainantId },
          subject,
          body: 'Still nothing.',
        });
        if (again.status !== 200 || again.body.repeatOf !== caseId)
          lost.push(`${caseId}: complainant entry (${again.status})`);
      }
      expect(lost).toEqual([]);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  }

  it('after SIGTERM: drains, exits 0, and loses nothing', async () => {
    const app = await startStandalone(dataDir);
    const acknowledged = await fileComplaintsUntilDown(app, () => app.child.kill('SIGTERM'), 60);
    const { code } = await app.exited;
    expect(code).toBe(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    await expectAllThere(acknowledged);
  }, 120_000);

  it('after SIGKILL: restarts on the same data and loses nothing', async () => {
    const app = await startStandalone(dataDir);
    const acknowledged = await fileComplaintsUntilDown(app, () => app.child.kill('SIGKILL'), 60);
    const { signal } = await app.exited;
    expect(signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    await expectAllThere(acknowledged);
  }, 120_000);
});
