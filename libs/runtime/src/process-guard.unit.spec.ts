import { handleUnheard } from './process-guard.js';

function recorder() {
  const lines: string[] = [];
  const exits: number[] = [];
  const logger = {
    error: (_: unknown, message: string) => lines.push(`error ${message}`),
    fatal: (_: unknown, message: string) => lines.push(`fatal ${message}`),
  };
  return { lines, exits, logger: logger as never, exit: (code: number) => exits.push(code) };
}

describe('the process guard', () => {
  it.each([
    ["a pg client's lost connection", new Error('Connection terminated unexpectedly')],
    [
      'pg_terminate_backend',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a broker gone', Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' })],
  ])('logs %s and carries on', (_, error) => {
    const r = recorder();
    handleUnheard(error, 'uncaughtException', r.logger, r.exit);
    expect(r.exits).toEqual([]);
    expect(r.lines).toEqual([
      'error a connection failed with nobody listening; carrying on (it is replaced)',
    ]);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a constraint the code did not expect', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a rejection with no error at all', undefined],
  ])('exits 1 on %s, after logging it', (_, error) => {
    const r = recorder();
    handleUnheard(error, 'unhandledRejection', r.logger, r.exit);
    expect(r.exits).toEqual([1]);
    expect(r.lines).toEqual(['fatal unrecoverable error; exiting']);
  });
});
