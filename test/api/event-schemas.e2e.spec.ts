import { randomUUID } from 'node:crypto';
import { caseDecider, caseStream, EVENT_SCHEMA_VERSIONS, EventSchemas, type StoredEvent } from '#domain';
import { fold } from '#application';
import { factsOf } from '#event-store';
import type { Http } from '../support/http.js';
import { caller, complaint, expectStatus } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A later build in which ComplaintReceived gained the complainant's language: v2, 'und' for the
 * complaints received before it was asked. Today's code writes v1.
 */
const later = new EventSchemas(
  { ...EVENT_SCHEMA_VERSIONS, ComplaintReceived: 2 },
  { 'ComplaintReceived@1': (v1: object) => ({ ...v1, language: 'und' }) },
);

describe('event shapes: one registry, read by every fold and projection', () => {
  let app: TestApp;
  let intake: Http;
  let analyst: Http;
  beforeAll(async () => {
    app = await startTestApp();
    const admin = await caller(app, 'admin', 'admin');
    expectStatus(
      await admin.post('/staff', { staffId: 'I-1', name: 'Ida', roles: ['intake'], skillLevel: 3 }),
      201,
    );
    intake = await caller(app, 'I-1', 'intake');
    analyst = await caller(app, 'AN-1', 'analyst');
  }, 60_000);
  afterAll(() => app?.stop());

  const receive = async () => {
    const reply = await intake.post('/cases', complaint());
    expectStatus(reply, 201);
    return reply.body as { caseId: string; globalPosition: number };
  };

  it("upcasts a v1 event written by today's code, from the stream and from the projector's read", async () => {
    const { caseId } = await receive();
    const [written] = await app.store.readStream(caseStream(caseId));
    expect(written.type).toBe('ComplaintReceived');
    expect(written.metadata.schemaVersion).toBe(1);
    const [facts] = await app.store.readAllFacts({ after: written.globalPosition - 1, maxCount: 1 });
    expect(facts.schemaVersion).toBe(1);

    const v2 = { ...(written.data as object), language: 'und' };
    expect(later.decode(facts)).toStrictEqual({ ...facts, schemaVersion: 2, data: v2 });
    expect(later.decode(factsOf(written)).data).toStrictEqual(v2);
    // The log keeps what was written: the hash chain is over it.
    expect((await app.store.readStream(caseStream(caseId)))[0].data).toStrictEqual(written.data);

    // A fold reads every event through its decider's registry: here the later one, watched.
    const decoded: StoredEvent[] = [];
    const watched = {
      decode: <E extends StoredEvent>(event: E) => {
        const current = later.decode(event);
        decoded.push(current);
        return current;
      },
    };
    const events = await app.store.readStream(caseStream(caseId));
    const upcast = fold({ ...caseDecider, schemas: watched }, events);
    expect(decoded).toStrictEqual([{ type: 'ComplaintReceived', schemaVersion: 2, data: v2 }]);
    expect(upcast.state).toStrictEqual(fold(caseDecider, events).state);
  });

  it('stops the projector before an event a newer build wrote, having applied every event ahead of it', async () => {
    const first = await receive();
    // A newer replica, in a rolling deploy, sorts the case with a CaseSorted this build knows only as v1.
    const [newer] = (
      await app.store.appendToStream(
        caseStream(first.caseId),
        [
          {
            eventId: randomUUID(),
            type: 'CaseSorted',
            occurredAt: new Date().toISOString(),
            data: {
              caseId: first.caseId,
              category: 'product',
              complexity: 3,
              priority: 'normal',
              sortedBy: 'SO-9',
            },
            metadata: {
              actorId: 'SO-9',
              actorRoles: ['sorter'],
              causationId: randomUUID(),
              correlationId: randomUUID(),
              schemaVersion: 2,
              standardsVersion: 1,
            },
          },
        ],
        { expectedRevision: 0 },
      )
    ).events;
    const after = await receive();

    // Everything before it is in the read models…
    const ahead = await analyst.get(`/reports/rep-workload?minPosition=${first.globalPosition}`);
    expectStatus(ahead, 200);
    expect((ahead.body as { position: number }).position).toBeLessThan(newer.globalPosition);
    // …and the projector does not fold past it, whatever comes after: it would lose it for good.
    const behind = await analyst.get(`/reports/rep-workload?minPosition=${after.globalPosition}`);
    expect(behind.status).toBe(503);
    expect(behind.body).toEqual({
      statusCode: 503,
      code: 'PROJECTION_BEHIND',
      message: expect.any(String),
      details: { position: (ahead.body as { position: number }).position },
    });
    // Nor does this build fold the case's stream past it: the case is not shown on a misread state.
    const supervisor = await caller(app, 'S-1', 'supervisor');
    const caseRead = await supervisor.get(`/cases/${first.caseId}`);
    expect(caseRead.status).toBe(500);
    expect(caseRead.body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    // Its other cases read as before.
    expectStatus(await supervisor.get(`/cases/${after.caseId}`), 200);
  }, 20_000);
});
