import pg from 'pg';
import type { Reply } from '../support/http.js';
import { caller, complaint, expectStatus, sortBody } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A command reads the streams it needs (its actor's staff record, the standards, the stream it is
 * judged on, what it declares besides) in one round trip: the store sends the whole-stream reads
 * asked for in one tick as one statement, and the runner asks for the environment's reads in the
 * tick it asks for the command's. Counted in this process, where the test app runs.
 */
describe('the reads of one command', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(() => app?.stop());

  /** Statements that read whole streams while `work` runs. */
  async function streamReads(work: () => Promise<Reply>): Promise<{ reply: Reply; statements: number }> {
    let statements = 0;
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0];
      const text = typeof config === 'string' ? config : (config as pg.QueryConfig | undefined)?.text;
      if (text?.includes('FROM event_store.events WHERE stream_id')) statements++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      return { reply: await work(), statements };
    } finally {
      pg.Client.prototype.query = original;
    }
  }

  it('a new complaint and a sort to a named correspondent each read in one statement', async () => {
    const admin = await caller(app, 'admin', 'admin');
    for (const [staffId, roles] of [
      ['S-1', ['supervisor']],
      ['SO-1', ['sorter']],
      ['I-1', ['intake']],
      ['C-1', ['correspondent']],
    ] as const)
      expectStatus(
        await admin.post('/staff', { staffId, name: `Staff ${staffId}`, roles, skillLevel: 3 }),
        201,
      );
    const intake = await caller(app, 'I-1', 'intake');
    const sorter = await caller(app, 'SO-1', 'sorter');

    // The actor, the standards and the complainant's stream.
    const received = await streamReads(() => intake.post('/cases', complaint()));
    expectStatus(received.reply, 201);
    expect(received.statements).toBe(1);

    // The actor, the standards, the case, and the correspondent named as assignee.
    const caseId = (received.reply.body as { caseId: string }).caseId;
    const sorted = await streamReads(() =>
      sorter.post(`/cases/${caseId}/sort`, sortBody(3, { assigneeId: 'C-1' })),
    );
    expectStatus(sorted.reply, 200);
    expect(sorted.reply.body).toMatchObject({ assigneeId: 'C-1' });
    expect(sorted.statements).toBe(1);
  });
});
