import type { EventFacts, EventStore } from '#event-store';
import { LiveWorkload } from './live-workload.js';

const fact = (globalPosition: number, type: string, data: Record<string, unknown>): EventFacts => ({
  eventId: `e-${globalPosition}`,
  type,
  streamId: 's',
  streamRevision: 0,
  globalPosition,
  occurredAt: '2026-09-01T09:00:00.000Z',
  recordedAt: '2026-09-01T09:00:00.000Z',
  data,
  schemaVersion: 1,
});

const LOG = [
  fact(1, 'StaffMemberRegistered', { staffId: 'C-1', roles: ['correspondent'], skillLevel: 3 }),
  fact(2, 'ComplaintReceived', { caseId: 'K-1' }),
  fact(3, 'CaseSorted', { caseId: 'K-1', complexity: 4 }),
  fact(4, 'CaseAssigned', { caseId: 'K-1', assigneeId: 'C-1' }),
];

/** The log's reads, failing the first `failures` of them as a database that is away would. */
function logAwayFor(failures: number): EventStore {
  let left = failures;
  return {
    headPosition: async () => LOG.length,
    readAllFacts: async ({ after }: { after: number }) => {
      if (left-- > 0) throw new Error('Connection terminated unexpectedly');
      return LOG.filter((e) => e.globalPosition > after);
    },
  } as unknown as EventStore;
}

const C1_WITH_K1 = { staffId: 'C-1', weightedLoad: 4, openCases: 1 };

describe('LiveWorkload', () => {
  it('answers the next command after a catch-up that failed, instead of that failure for good', async () => {
    const live = new LiveWorkload(logAwayFor(1));
    await expect(live.current()).rejects.toThrow('Connection terminated');
    expect(await live.current()).toEqual([expect.objectContaining(C1_WITH_K1)]);
  });

  it('reads its seed again when the first read failed, and folds the log only after the seed', async () => {
    let seedReads = 0;
    const seed = async () => {
      if (++seedReads === 1) throw new Error('Connection terminated unexpectedly');
      return { position: 2, facts: LOG.slice(0, 2) };
    };
    const live = new LiveWorkload(logAwayFor(0), seed);
    await expect(live.current()).rejects.toThrow('Connection terminated');
    expect(await live.current()).toEqual([expect.objectContaining(C1_WITH_K1)]);
    expect(await live.current('K-1')).toEqual([
      expect.objectContaining({ staffId: 'C-1', weightedLoad: 0, openCases: 0 }),
    ]);
    expect(seedReads).toBe(2);
  });

  it('reads the stream of a case the seed left out (closed then) when a later event reopens it', async () => {
    const log = [
      ...LOG,
      fact(5, 'CaseResolved', { caseId: 'K-1' }),
      fact(6, 'ComplaintReceived', { caseId: 'K-2' }),
      fact(7, 'CaseReopened', { caseId: 'K-1' }),
    ];
    const streamsRead: string[] = [];
    const store = {
      headPosition: async () => log.length,
      readAllFacts: async ({ after }: { after: number }) => log.filter((e) => e.globalPosition > after),
      readStream: async (streamId: string) => {
        streamsRead.push(streamId);
        return log
          .filter((e) => `case-${String((e.data as { caseId?: string }).caseId)}` === streamId)
          .map((e) => ({ ...e, metadata: { schemaVersion: e.schemaVersion }, hash: '', prevHash: '' }));
      },
    } as unknown as EventStore;
    // The read models at position 6: K-1 is closed, so the seed holds the staff and K-2 only.
    const seed = async () => ({ position: 6, facts: [LOG[0], log[5]] });
    const live = new LiveWorkload(store, seed);
    expect(await live.current()).toEqual([expect.objectContaining(C1_WITH_K1)]);
    expect(streamsRead).toEqual(['case-K-1']);
  });
});
