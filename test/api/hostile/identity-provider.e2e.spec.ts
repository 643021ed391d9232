import { Http } from '../../support/http.js';
import { complaint, expectError, expectStatus, refused } from '../../support/api-fixtures.js';
import { TestIdentityProvider } from '../../support/identity-provider.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Tokens from an OpenID Connect provider (issue 19): the app finds the provider's JWK set by
 * discovery from AUTH_ISSUER, takes RS256 and ES256 tokens signed with its keys, reads the roles
 * where Keycloak puts them (realm_access.roles), and follows a key rotation by fetching the set
 * again when a token names a key it does not know.
 */
describe('identity from an OpenID Connect provider (issue 19)', () => {
  let idp: TestIdentityProvider;
  let app: TestApp;
  const as = (token: string) => new Http(app.url).as(token);
  const keycloakClaims = (sub: string, ...roles: string[]) => ({
    sub,
    aud: ['account', 'caseledger'],
    realm_access: { roles },
  });

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
    app = await startTestApp({
      env: { AUTH_ISSUER: idp.issuer, AUTH_AUDIENCE: 'caseledger', AUTH_ROLES_CLAIM: 'realm_access.roles' },
      // Keys fetched again at once after a rotation, instead of after the 30 s cooldown.
      overrides: { auth: { provider: { discover: true, cooldownMs: 0 } } },
    });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await idp?.stop();
  });

  it('accepts an RS256 token of the provider, with its roles from realm_access.roles', async () => {
    const key = await idp.newKey('rsa-2026-11', 'RS256');
    const intake = await idp.sign(key, keycloakClaims('I-1', 'intake'));
    const filed = await as(intake).post('/cases', complaint());
    expectStatus(filed, 201);
    const [received] = await app.store.readStream(`case-${filed.body.caseId}`);
    expect(received!.metadata.actorId).toBe('I-1');
    // The same person without the role in realm_access: authenticated, not allowed.
    const noRole = await idp.sign(key, { ...keycloakClaims('I-1'), roles: ['intake'] });
    await refused(app, () => as(noRole).post('/cases', complaint()), 403, 'FORBIDDEN');
  });

  it('refuses provider tokens for another audience or issuer, expired, unsigned by a published key, or over the maximum life', async () => {
    const key = await idp.newKey('rsa-check', 'RS256');
    const stranger = await idp.newKey('never-published', 'RS256', false);
    const tokens = [
      await idp.sign(key, { ...keycloakClaims('I-1', 'intake'), aud: 'another-client' }),
      await idp.sign(key, keycloakClaims('I-1', 'intake'), '-1m'),
      await idp.sign(stranger, keycloakClaims('I-1', 'intake')),
      await idp.sign(key, keycloakClaims('I-1', 'intake'), '48h'),
    ];
    for (const token of tokens)
      await refused(app, () => as(token).post('/cases', complaint()), 401, 'UNAUTHENTICATED');
  });

  it('follows a key rotation: a token of a new ES256 key fetches the set again; the retired key is then refused', async () => {
    const old = await idp.newKey('rsa-old', 'RS256');
    const before = await idp.sign(old, keycloakClaims('A-1', 'auditor'));
    expectStatus(await as(before).get('/audit/events?limit=1'), 200);
    const fetches = idp.jwksFetches;
    const fresh = await idp.newKey('ec-new', 'ES256', false);
    idp.publishOnly(fresh);
    const after = await idp.sign(fresh, keycloakClaims('A-1', 'auditor'));
    expectStatus(await as(after).get('/audit/events?limit=1'), 200);
    expect(idp.jwksFetches).toBe(fetches + 1);
    // Cached: a second request with the new key fetches nothing.
    expectStatus(await as(after).get('/audit/events?limit=1'), 200);
    expect(idp.jwksFetches).toBe(fetches + 1);
    expectError(
      await as(await idp.sign(old, keycloakClaims('A-1', 'auditor'))).get('/audit/events?limit=1'),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('still accepts this deployment’s own HS256 tokens (development, the CLI), under the same audience and issuer', async () => {
    expectStatus(await as(await app.token('ops', 'admin')).get('/audit/events?limit=1'), 200);
  });
});
