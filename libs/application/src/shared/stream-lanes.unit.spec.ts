import { StreamLanes } from './stream-lanes.js';

/** A piece of work that finishes when told, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open,
    work: async () => {
      log.push(`${name} starts`);
      await opened;
      log.push(`${name} ends`);
      return name;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamLanes', () => {
  it('runs commands on one stream one after another, in arrival order', async () => {
    const lanes = new StreamLanes();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n));
    const done = [a, b, c].map((g) => lanes.inTurn('case-1', g.work));
    await settle();
    expect(log).toEqual(['a starts']);
    a.open();
    b.open();
    c.open();
    expect(await Promise.all(done)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('lets commands on other streams run at the same time', async () => {
    const lanes = new StreamLanes();
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => gate(log, n));
    const done = [lanes.inTurn('case-1', a.work), lanes.inTurn('case-2', b.work)];
    await settle();
    expect(log).toEqual(['a starts', 'b starts']);
    b.open();
    a.open();
    await Promise.all(done);
  });

  it('passes the turn on after a failure, which reaches only its own caller', async () => {
    const lanes = new StreamLanes();
    const failed = lanes.inTurn('case-1', () => Promise.reject(new Error('refused')));
    const next = lanes.inTurn('case-1', async () => 'next');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
  });

  it('forgets a stream once its lane is empty', async () => {
    const lanes = new StreamLanes();
    await Promise.all([lanes.inTurn('case-1', async () => 1), lanes.inTurn('case-2', async () => 2)]);
    await settle();
    expect(lanes.busy).toBe(0);
  });
});
