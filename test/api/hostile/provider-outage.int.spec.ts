import { JwtVerifier } from '../../../apps/api/src/auth/jwt-verifier.js';
import { TestIdentityProvider } from '../../support/identity-provider.js';

/**
 * An identity provider that is down: its tokens are refused (401, never a 500), and a flood of
 * them costs the provider one discovery request per cooldown, not one per token. Once it is back
 * after the cooldown, its tokens are accepted again.
 */
describe('identity provider outage (issue 19)', () => {
  let idp: TestIdentityProvider;

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
  });

  afterAll(async () => {
    await idp?.stop();
  });

  it('refuses tokens while discovery fails, asks the provider once per cooldown, and recovers', async () => {
    const verifier = new JwtVerifier('a-development-secret-of-32-bytes!', {
      issuer: idp.issuer,
      provider: { discover: true, cooldownMs: 500 },
    });
    const key = await idp.newKey('rsa-1', 'RS256');
    const token = await idp.sign(key, { sub: 'A-1', roles: ['auditor'] });
    idp.down = true;
    const answers = await Promise.all(Array.from({ length: 50 }, () => verifier.verify(token)));
    expect(answers.every((a) => a === null)).toBe(true);
    expect(await verifier.verify(token)).toBeNull();
    expect(idp.discoveryFetches).toBe(1);
    idp.down = false;
    await new Promise((resolve) => setTimeout(resolve, 700));
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'A-1', roles: ['auditor'] });
    expect(idp.discoveryFetches).toBe(2);
  });
});
