import type { EventStore } from '#event-store';
import { runProjectionsCommand } from './projections-command.js';

/** Only the refusals: they answer before anything touches the database. */
describe('cli projections', () => {
  const run = async (...args: string[]) => {
    const err: string[] = [];
    const deps = {
      databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
      store: {} as EventStore,
      out: { write: () => true },
      err: { write: (t: string) => err.push(t) },
    };
    return { code: await runProjectionsCommand(args, deps), err: err.join('') };
  };

  it('answers usage and exit code 2 for an unknown or missing command', async () => {
    expect(await run('reindex')).toEqual({
      code: 2,
      err: expect.stringContaining('unknown command "projections reindex"'),
    });
    expect((await run()).err).toContain(
      'usage: cli projections rebuild [case-timeline|department|sales-and-goodwill]',
    );
  });

  it('refuses a batch size that is not a positive whole number', async () => {
    expect(await run('rebuild', '--batch-size', 'many')).toEqual({
      code: 2,
      err: expect.stringContaining('--batch-size needs a positive whole number'),
    });
  });

  it('refuses an unknown projection by name', async () => {
    await expect(run('rebuild', 'case-timelines')).rejects.toThrow(
      'Unknown projection "case-timelines"; known: case-timeline, department, sales-and-goodwill',
    );
  });
});
