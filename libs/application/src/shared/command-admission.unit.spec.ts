import { DEFAULT_COMMANDS_WAITING_MAX } from '#config';
import { CommandAdmission } from './command-admission.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A command that runs until `finish` is called. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish: () => finish() };
}

describe('CommandAdmission', () => {
  it('runs at most `limit` commands at once and starts the waiting ones in arrival order', async () => {
    const admission = new CommandAdmission(2);
    const started: number[] = [];
    const work = Array.from({ length: 5 }, () => held());
    const answers = work.map((w, i) =>
      admission.run(async () => {
        started.push(i);
        await w.done;
        return i * 10;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(admission.load).toEqual({ running: 2, waiting: 3 });
    work[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    work[0]!.finish();
    work[2]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    work[3]!.finish();
    work[4]!.finish();
    await expect(Promise.all(answers)).resolves.toEqual([0, 10, 20, 30, 40]);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a command that fails, and hands its error to its caller only', async () => {
    const admission = new CommandAdmission(1);
    const failing = admission.run(() => Promise.reject(new Error('refused')));
    const next = admission.run(async () => 'ran');
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('ran');
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it('keeps arrival order through a long queue', async () => {
    const admission = new CommandAdmission(3, 5000);
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 5000 }, (_, i) =>
        admission.run(async () => {
          order.push(i);
          await tick();
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new CommandAdmission(0)).toThrow(RangeError);
    expect(() => new CommandAdmission(1.5)).toThrow(RangeError);
  });

  it('refuses a command at once with COMMANDS_BUSY and a Retry-After once `waitingMax` commands wait (503: the API)', async () => {
    const admission = new CommandAdmission(1, 2);
    const first = held();
    const running = admission.run(() => first.done);
    const waiting = [admission.run(async () => 1), admission.run(async () => 2)];
    await tick();
    await expect(admission.run(async () => 3)).rejects.toMatchObject({
      code: 'COMMANDS_BUSY',
      retryAfterSeconds: 1,
    });
    expect(admission.load).toEqual({ running: 1, waiting: 2 });
    first.finish();
    await running;
    await expect(Promise.all(waiting)).resolves.toEqual([1, 2]);
    await expect(admission.run(async () => 4)).resolves.toBe(4);
  });

  it('does not execute a command whose caller left while it waited, and frees its turn', async () => {
    const admission = new CommandAdmission(1);
    const first = held();
    const running = admission.run(() => first.done);
    let gone = false;
    let executed = false;
    const abandoned = admission.run(
      async () => (executed = true),
      () => gone,
    );
    await tick();
    gone = true;
    first.finish();
    await running;
    await expect(abandoned).rejects.toMatchObject({ code: 'REQUEST_ABANDONED' });
    expect(executed).toBe(false);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('CommandAdmission when a failure would meet every waiting command (the database away)', () => {
  const away = new Error('database away');
  const turnAway = (error: unknown) => (error === away ? new Error('turned away') : undefined);

  it('answers the commands waiting at that moment at once, and lets later ones try again', async () => {
    const admission = new CommandAdmission(1, DEFAULT_COMMANDS_WAITING_MAX, turnAway);
    const first = held();
    const running = admission.run(async () => {
      await first.done;
      throw away;
    });
    const started: number[] = [];
    const waiting = [1, 2, 3].map((i) => admission.run(async () => started.push(i)));
    await tick();
    expect(admission.load).toEqual({ running: 1, waiting: 3 });
    first.finish();
    await expect(running).rejects.toBe(away);
    for (const command of waiting) await expect(command).rejects.toThrow('turned away');
    expect(started).toEqual([]);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
    await expect(admission.run(async () => 'later')).resolves.toBe('later');
  });

  it('keeps the others waiting when the failure was the command’s own', async () => {
    const admission = new CommandAdmission(1, DEFAULT_COMMANDS_WAITING_MAX, turnAway);
    const first = held();
    const running = admission.run(async () => {
      await first.done;
      throw new Error('its own');
    });
    const next = admission.run(async () => 'next');
    first.finish();
    await expect(running).rejects.toThrow('its own');
    await expect(next).resolves.toBe('next');
  });
});
