import { ConfigurationError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives npm start its defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      currency: 'USD',
      eventStore: 'postgres',
      dbPoolSize: 20,
      commandsInFlight: 16,
    });
    expect(config.kafka).toBeUndefined();
  });

  it('reads the numbers it is given', () => {
    expect(loadConfig({ COMMANDS_IN_FLIGHT: '4', DB_POOL_SIZE: '8', PORT: '0' })).toMatchObject({
      commandsInFlight: 4,
      dbPoolSize: 8,
      port: 0,
    });
  });

  it('bounds every database wait: 5 s to connect, 15 s a statement, unless told otherwise (issue 23)', () => {
    expect(loadConfig({}).dbTimeouts).toEqual({ connectMs: 5_000, statementMs: 15_000 });
    expect(loadConfig({ DB_CONNECT_TIMEOUT_MS: '1500', DB_STATEMENT_TIMEOUT_MS: '4000' }).dbTimeouts).toEqual(
      { connectMs: 1_500, statementMs: 4_000 },
    );
  });

  it.each([
    ['DB_CONNECT_TIMEOUT_MS', '0'],
    ['DB_STATEMENT_TIMEOUT_MS', 'soon'],
    ['COMMANDS_IN_FLIGHT', '0'],
    ['COMMANDS_IN_FLIGHT', 'many'],
    ['DB_POOL_SIZE', '2.5'],
    ['CURRENCY', 'usd'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigurationError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('gives the limits of issue 19 their documented defaults, and reads an identity provider', () => {
    expect(loadConfig({})).toMatchObject({
      commandsWaitingMax: 1000,
      auth: { rolesClaim: 'roles', maxLifetimeSeconds: 86400 },
      rateLimit: { perSecond: 100, burst: 200 },
      http: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 },
    });
    const keycloak = loadConfig({
      AUTH_ISSUER: 'https://id.example/realms/d',
      AUTH_AUDIENCE: 'caseledger',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
    });
    expect(keycloak.auth).toEqual({
      issuer: 'https://id.example/realms/d',
      audience: 'caseledger',
      rolesClaim: 'realm_access.roles',
      maxLifetimeSeconds: 86400,
      jwksUrl: undefined,
    });
  });

  it('signs the console in at AUTH_ISSUER as CONSOLE_OIDC_CLIENT_ID, and refuses the client id without an issuer (issue 22)', () => {
    const config = loadConfig({
      AUTH_ISSUER: 'https://id.example/realms/d',
      CONSOLE_OIDC_CLIENT_ID: 'console',
    });
    expect(config.auth).toMatchObject({ issuer: 'https://id.example/realms/d', consoleClientId: 'console' });
    expect(loadConfig({}).auth).not.toHaveProperty('consoleClientId');
    expect(() => loadConfig({ CONSOLE_OIDC_CLIENT_ID: 'console' })).toThrow(
      /CONSOLE_OIDC_CLIENT_ID: needs AUTH_ISSUER/,
    );
    expect(() =>
      loadConfig({ AUTH_ISSUER: 'https://id.example/realms/d', CONSOLE_OIDC_CLIENT_ID: 'two words' }),
    ).toThrow('CONSOLE_OIDC_CLIENT_ID');
  });

  it.each([
    ['AUTH_ROLES_CLAIM', 'realm access'],
    ['AUTH_JWKS_URL', 'not a url'],
    ['AUTH_MAX_TOKEN_LIFETIME_S', '10'],
    ['RATE_LIMIT_PER_SECOND', '-1'],
    ['HTTP_REQUEST_TIMEOUT_MS', '5'],
  ])('refuses %s=%s, naming the variable (issue 19)', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
