import {
  DatabaseUnavailable,
  isDatabaseOutOfReach,
  isDatabaseUnavailable,
  wasRolledBack,
} from './database-unavailable.js';
import { withTimeouts } from './connection-timeouts.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('what counts as the database being away', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    [
      'pg_terminate_backend (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server starting up (57P03)', withCode('57P03')],
    ['a statement timeout (57014)', withCode('57014')],
    ['too many connections (53300)', withCode('53300')],
    ['a connection exception (08006)', withCode('08006')],
    ['a connection lost mid-statement', new Error('Connection terminated unexpectedly')],
    ['a silent server', new Error('Query read timeout')],
    ['no free connection in time', new Error('timeout exceeded when trying to connect')],
    ['a cause underneath', new Error('outer', { cause: withCode('ECONNREFUSED') })],
    ['a typeorm driverError', Object.assign(new Error('query failed'), { driverError: withCode('57P01') })],
    ['our own error', new DatabaseUnavailable('away', 'unknown', { cause: null })],
  ])('%s is', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505')],
    ['bad data (22P02)', withCode('22P02')],
    ['a permission refused (42501)', withCode('42501')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
    ['a string', 'Connection terminated'],
  ])('%s is not', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('only a statement the server cancelled itself is known to be rolled back', () => {
    expect(wasRolledBack(withCode('57014'))).toBe(true);
    expect(wasRolledBack(withCode('57P01'))).toBe(false);
    expect(wasRolledBack(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});

describe('the database out of reach (waiting commands are answered at once)', () => {
  it.each([
    ['refused', withCode('ECONNREFUSED'), true],
    ['no connection in time', new Error('timeout exceeded when trying to connect'), true],
    [
      'a silent server',
      new DatabaseUnavailable('x', 'unknown', { cause: new Error('Query read timeout') }),
      true,
    ],
    ['starting up', withCode('57P03'), true],
    ['one session terminated (the next connection works)', withCode('57P01'), false],
    ['a reset connection', withCode('ECONNRESET'), false],
    ['a conflict', withCode('23505'), false],
  ])('%s: %s', (_, error, expected) => {
    expect(isDatabaseOutOfReach(error)).toBe(expected);
  });
});

describe('timeouts on every connection', () => {
  it('bounds connecting, the statement on the server, and a silent server on the client one second later', () => {
    expect(
      withTimeouts({ connectionString: 'postgres://x' }, { connectMs: 1_500, statementMs: 4_000 }),
    ).toEqual({
      connectionString: 'postgres://x',
      connectionTimeoutMillis: 1_500,
      statement_timeout: 4_000,
      query_timeout: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
  });
});
