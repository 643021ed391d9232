// The command pipeline on its own (no HTTP, no PostgreSQL): an in-memory port, a fixed clock and a
// handler written here. What a caller would notice: the answer, the events in the store, the error code.
import { DEFAULT_STANDARDS, STANDARDS_STREAM } from '#domain';
import type { InMemoryEventStore } from '../testing/in-memory-event-store.js';
import { asWritten, runnerInMemory } from '../testing/runner-in-memory.js';
import { ApplicationError } from './application-error.js';
import type { CommandEnvironment } from './command-environment.js';
import type { CommandRequest } from './command-request.js';
import { defineCommand } from './command-definition.js';

const NOW = '2026-10-15T12:00:00.000Z';
/** The command type the note taker below is counted under: any of the domain's names will do. */
const NOTE = 'SendResponse';

function pipeline() {
  const { store, runner } = runnerInMemory(NOW);
  return { store, runner };
}

const request = (extra: Partial<CommandRequest> = {}): CommandRequest => ({
  actorId: 'C-1',
  actorRoles: ['correspondent'],
  correlationId: 'corr-1',
  causationId: 'cause-1',
  ...extra,
});

/** A command that appends one `NoteTaken` to `note-1` after what it read; records each decision. */
function noteTaker(_store: InMemoryEventStore) {
  const seen: { revision: number; env: CommandEnvironment }[] = [];
  const notes = {
    schemas: asWritten,
    initialState: () => null,
    evolve: (state: null) => state,
    decide: (_command: { type: 'TakeNote' }, _state: null) => [
      { type: 'NoteTaken', data: { n: seen.length } },
    ],
  };
  const note = defineCommand({
    name: NOTE,
    input: ({ request }: { request: CommandRequest }) => request,
    decidesOn: () => ({ streamId: 'note-1', decider: notes }),
    command: ({ read, env }) => {
      seen.push({ revision: read.decided.revision, env });
      return { type: 'TakeNote' as const };
    },
    answer: () => ({ status: 201 as const, fields: { noteId: 'note-1' } }),
  });
  return { note, seen };
}

describe('command pipeline: Idempotency-Key', () => {
  it('replays the first answer for the same key and request, deciding and appending once', async () => {
    const { store, runner } = pipeline();
    const { note, seen } = noteTaker(store);
    const keyed = request({ idempotencyKey: 'K-1', requestHash: 'hash-A' });
    const first = await runner.execute(note, { request: keyed });
    const again = await runner.execute(note, { request: keyed });
    expect(first).toEqual({
      status: 201,
      body: {
        streamId: 'note-1',
        revision: 0,
        eventIds: [store.log[0]!.eventId],
        globalPosition: 1,
        noteId: 'note-1',
      },
    });
    expect(again).toEqual(first);
    expect(seen).toHaveLength(1);
    expect(store.log.map((e) => e.type)).toEqual(['NoteTaken']);
    expect(store.log[0]!.metadata.idempotencyKey).toBe('K-1');
  });

  it('refuses the same key for a different request with IDEMPOTENCY_KEY_REUSED, appending nothing more', async () => {
    const { store, runner } = pipeline();
    const { note, seen } = noteTaker(store);
    await runner.execute(note, { request: request({ idempotencyKey: 'K-1', requestHash: 'hash-A' }) });
    const reused = runner.execute(note, {
      request: request({ idempotencyKey: 'K-1', requestHash: 'hash-B' }),
    });
    await expect(reused).rejects.toBeInstanceOf(ApplicationError);
    await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(seen).toHaveLength(1);
    expect(store.log).toHaveLength(1);
  });

  it('scopes a key by actor: the same key from another actor is another request', async () => {
    const { store, runner } = pipeline();
    const { note } = noteTaker(store);
    await runner.execute(note, { request: request({ idempotencyKey: 'K-1', requestHash: 'hash-A' }) });
    const other = await runner.execute(note, {
      request: request({ actorId: 'C-2', idempotencyKey: 'K-1', requestHash: 'hash-B' }),
    });
    expect(other.body.revision).toBe(1);
    expect(store.log).toHaveLength(2);
  });

  it('answers the winner’s answer when a racing twin recorded the key between the check and the append', async () => {
    const { store, runner } = pipeline();
    const { note, seen } = noteTaker(store);
    const twinsAnswer = {
      status: 201,
      body: {
        streamId: 'note-1',
        revision: 0,
        eventIds: ['twin-event'],
        globalPosition: 1,
        noteId: 'note-1',
      },
    };
    store.beforeAppend = () => {
      store.beforeAppend = undefined;
      // The twin's append lands first: its event and its key, in one append (the store's body runs synchronously).
      const twinEvent = {
        eventId: 'twin-event',
        type: 'NoteTaken',
        occurredAt: NOW,
        data: { twin: true },
        metadata: store.log[0]?.metadata ?? TWIN_METADATA,
      };
      void store.appendToStreams(
        [{ streamId: 'note-1', expectedRevision: 'no_stream', events: [twinEvent] }],
        {
          idempotency: { key: 'C-1:K-1', requestHash: 'hash-A', answer: twinsAnswer },
        },
      );
    };
    const mine = await runner.execute(note, {
      request: request({ idempotencyKey: 'K-1', requestHash: 'hash-A' }),
    });
    expect(mine).toEqual(twinsAnswer);
    expect(store.log.map((e) => e.eventId)).toEqual(['twin-event']);
    expect(seen.length).toBeGreaterThanOrEqual(1);
  });
});

const TWIN_METADATA = {
  actorId: 'C-1',
  actorRoles: ['correspondent'],
  correlationId: 'twin',
  causationId: 'twin',
  idempotencyKey: 'K-1',
  standardsVersion: 1,
  schemaVersion: 1,
};

describe('command pipeline: conflicts', () => {
  it('re-reads and re-decides when another writer appended first, then appends after it', async () => {
    const { store, runner } = pipeline();
    const { note, seen } = noteTaker(store);
    store.beforeAppend = () => {
      store.beforeAppend = undefined;
      store.seed('note-1', [{ type: 'NoteTaken', data: { by: 'someone else' }, occurredAt: NOW }]);
    };
    const answer = await runner.execute(note, { request: request() });
    expect(seen.map((s) => s.revision)).toEqual([-1, 0]); // decided on fresh state the second time
    expect(answer.body.revision).toBe(1);
    expect(store.log.map((e) => [e.streamRevision, e.data])).toEqual([
      [0, { by: 'someone else' }],
      [1, { n: 2 }],
    ]);
  });

  it('gives up with CONCURRENCY_CONFLICT after 30 attempts on a stream that keeps changing, appending nothing of its own', async () => {
    const { store, runner } = pipeline();
    const { note, seen } = noteTaker(store);
    store.beforeAppend = () => store.seed('note-1', [{ type: 'NoteTaken', data: {}, occurredAt: NOW }]);
    await expect(runner.execute(note, { request: request() })).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      details: { streamId: 'note-1', attempts: 30 },
    });
    expect(seen).toHaveLength(30);
    expect(store.log.every((e) => e.metadata.actorId === 'seed')).toBe(true);
  }, 20_000);
});

describe('command pipeline: contention figures, per command type (for /metrics)', () => {
  it('shows a command type at 0 once it has run without meeting another writer', async () => {
    const { store, runner } = pipeline();
    expect(runner.contentionByCommand).toEqual([]);
    await runner.execute(noteTaker(store).note, { request: request() });
    expect(runner.contentionByCommand).toEqual([{ command: NOTE, conflicts: 0, retries: 0 }]);
  });

  it('counts the refused append and the attempt made again under the command that met them, no other', async () => {
    const { store, runner } = pipeline();
    const { note } = noteTaker(store);
    await runner.execute({ ...note, name: 'ResolveCase' }, { request: request() });
    let beaten = 2;
    store.beforeAppend = () => {
      if (beaten-- > 0) store.seed('note-1', [{ type: 'NoteTaken', data: {}, occurredAt: NOW }]);
    };
    await runner.execute(note, { request: request() });
    expect(runner.contentionByCommand).toEqual([
      { command: 'ResolveCase', conflicts: 0, retries: 0 },
      { command: NOTE, conflicts: 2, retries: 2 },
    ]);
  });

  it('counts no retry for the last refusal, when the command gives up', async () => {
    const { store, runner } = pipeline();
    store.beforeAppend = () => store.seed('note-1', [{ type: 'NoteTaken', data: {}, occurredAt: NOW }]);
    await expect(runner.execute(noteTaker(store).note, { request: request() })).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
    });
    expect(runner.contentionByCommand).toEqual([{ command: NOTE, conflicts: 30, retries: 29 }]);
  }, 20_000);

  it('counts a twin that logged the same Idempotency-Key first as a conflict answered without a retry', async () => {
    const { store, runner } = pipeline();
    const { note } = noteTaker(store);
    const keyed = request({ idempotencyKey: 'K-1', requestHash: 'hash-A' });
    store.beforeAppend = () => {
      store.beforeAppend = undefined;
      void store.appendToStreams(
        [
          {
            streamId: 'twin-note',
            expectedRevision: 'no_stream',
            events: [
              {
                eventId: 'twin-event',
                type: 'NoteTaken',
                occurredAt: NOW,
                data: {},
                metadata: TWIN_METADATA,
              },
            ],
          },
        ],
        {
          idempotency: {
            key: 'C-1:K-1',
            requestHash: 'hash-A',
            answer: {
              status: 201,
              body: { streamId: 'twin-note', revision: 0, eventIds: ['twin-event'], globalPosition: 1 },
            },
          },
        },
      );
    };
    await runner.execute(note, { request: keyed });
    expect(runner.contentionByCommand).toEqual([{ command: NOTE, conflicts: 1, retries: 0 }]);
  });
});

describe('command pipeline: the environment a command is judged in', () => {
  const standards = (version: number, refundLimitCents: number) => ({
    ...DEFAULT_STANDARDS,
    version,
    refundLimitCents,
  });

  it('judges with the standards in force at occurredAt, not the latest, and stamps their version on the events', async () => {
    const { store, runner } = pipeline();
    store.seed(STANDARDS_STREAM, [
      { type: 'ServiceStandardsSet', data: standards(1, 10_000), occurredAt: '2026-09-01T00:00:00.000Z' },
      { type: 'ServiceStandardsSet', data: standards(2, 20_000), occurredAt: '2026-10-01T00:00:00.000Z' },
    ]);
    const { note, seen } = noteTaker(store);
    await runner.execute(note, { request: request({ occurredAt: '2026-09-30T23:59:59.999Z' }) });
    await runner.execute(note, { request: request({ occurredAt: '2026-10-01T00:00:00.000Z' }) });
    expect(seen.map((s) => [s.env.standards.version, s.env.standards.refundLimitCents])).toEqual([
      [1, 10_000],
      [2, 20_000],
    ]);
    expect(store.log.filter((e) => e.type === 'NoteTaken').map((e) => e.metadata.standardsVersion)).toEqual([
      1, 2,
    ]);
  });

  it('takes occurredAt from the clock when the caller gives none, and the defaults before any standards were set', async () => {
    const { store, runner } = pipeline();
    const { note, seen } = noteTaker(store);
    await runner.execute(note, { request: request() });
    expect(seen[0]!.env).toMatchObject({
      now: NOW,
      occurredAt: NOW,
      standards: { version: DEFAULT_STANDARDS.version },
    });
    expect(store.log[0]!.occurredAt).toBe(NOW);
  });
});
