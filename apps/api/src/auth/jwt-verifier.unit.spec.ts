import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { JwtVerifier } from './jwt-verifier.js';

const SECRET = 'a-secret-of-the-department-32-bytes!';
const verifier = new JwtVerifier(SECRET);
const key = new TextEncoder().encode(SECRET);
const now = () => Math.floor(Date.now() / 1000);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token assembled by hand, signed with `secret` over exactly its header and payload. */
function handMade(header: unknown, payload: unknown, secret = SECRET): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/** A token whose header and payload are exactly these JSON texts (for what JSON.stringify cannot write). */
function handMadeRaw(header: string, payload: string): string {
  const signingInput = `${Buffer.from(header).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${signingInput}.${createHmac('sha256', SECRET).update(signingInput).digest('base64url')}`;
}

describe('JwtVerifier', () => {
  it('accepts the tokens it signs, with their subject and roles', async () => {
    const token = await verifier.sign('C-007', ['correspondent', 'sorter']);
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'C-007',
      roles: ['correspondent', 'sorter'],
    });
  });

  it('accepts a token jose signs with HS256, keeping only string roles', async () => {
    const token = await new SignJWT({ roles: ['admin', 7] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('ops')
      .setExpirationTime('1h')
      .sign(key);
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'ops', roles: ['admin'] });
  });

  it('refuses a token without exp, with exp 1e400, with iat in the future, or living longer than the maximum', async () => {
    const base = { sub: 'C-007', roles: ['admin'] };
    const withoutExp = await new SignJWT(base).setProtectedHeader({ alg: 'HS256' }).sign(key);
    await expect(verifier.verify(withoutExp)).resolves.toBeNull();
    const infinite = handMadeRaw('{"alg":"HS256"}', `{"sub":"C-007","roles":["admin"],"exp":1e400}`);
    await expect(verifier.verify(infinite)).resolves.toBeNull();
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { ...base, iat: now() + 3600, exp: now() + 7200 })),
    ).resolves.toBeNull();
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { ...base, iat: now() + 10, exp: now() + 60 })),
    ).resolves.toEqual(base);
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: now() + 24 * 3600 + 60 })),
    ).resolves.toBeNull();
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { ...base, iat: now() - 3 * 24 * 3600, exp: now() + 60 })),
    ).resolves.toBeNull();
    const longer = new JwtVerifier(SECRET, { maxLifetimeSeconds: 30 * 24 * 3600 });
    await expect(
      longer.verify(handMade({ alg: 'HS256' }, { ...base, exp: now() + 29 * 24 * 3600 })),
    ).resolves.toEqual(base);
  });

  it('refuses a subject with a lone UTF-16 surrogate', async () => {
    const token = handMadeRaw('{"alg":"HS256"}', `{"sub":"C-\\ud800","roles":["admin"],"exp":${now() + 60}}`);
    await expect(verifier.verify(token)).resolves.toBeNull();
  });

  it('checks audience and issuer when they are configured, and finds roles where AUTH_ROLES_CLAIM says', async () => {
    const strict = new JwtVerifier(SECRET, {
      audience: 'caseledger',
      issuer: 'https://id.example',
      rolesClaim: 'realm_access.roles',
    });
    const good = {
      sub: 'C-007',
      aud: ['account', 'caseledger'],
      iss: 'https://id.example',
      realm_access: { roles: ['auditor'] },
      exp: now() + 60,
    };
    await expect(strict.verify(handMade({ alg: 'HS256' }, good))).resolves.toEqual({
      sub: 'C-007',
      roles: ['auditor'],
    });
    await expect(
      strict.verify(handMade({ alg: 'HS256' }, { ...good, aud: 'another-app' })),
    ).resolves.toBeNull();
    await expect(strict.verify(handMade({ alg: 'HS256' }, { ...good, aud: undefined }))).resolves.toBeNull();
    await expect(
      strict.verify(handMade({ alg: 'HS256' }, { ...good, iss: 'https://evil.example' })),
    ).resolves.toBeNull();
    await expect(strict.verify(await strict.sign('C-8', ['intake']))).resolves.toEqual({
      sub: 'C-8',
      roles: ['intake'],
    });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await new JwtVerifier('another-secret-entirely-32-bytes!!').sign('C-007', ['admin']);
    await expect(verifier.verify(token)).resolves.toBeNull();
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await verifier.sign('C-007', ['correspondent'])).split('.');
    const forged = `${header}.${b64({ sub: 'C-007', roles: ['admin'] })}.${signature}`;
    await expect(verifier.verify(forged)).resolves.toBeNull();
  });

  it('refuses alg none, other algorithms and critical header parameters, even when the HMAC matches', async () => {
    const claims = { sub: 'C-007', roles: ['admin'], exp: now() + 60 };
    await expect(verifier.verify(`${b64({ alg: 'none' })}.${b64(claims)}.`)).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'none' }, claims))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS512' }, claims))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256', crit: ['exp'] }, claims))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256', b64: false }, claims))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, claims))).resolves.toEqual({
      sub: 'C-007',
      roles: ['admin'],
    });
  });

  it('refuses expired and not-yet-valid tokens and malformed time claims', async () => {
    const base = { sub: 'C-007', roles: [] };
    const live = { ...base, exp: now() + 60 };
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: now() - 1 })),
    ).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: now() }))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: now() + 60 }))).resolves.toEqual(
      base,
    );
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { ...live, nbf: now() + 60 })),
    ).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...live, nbf: now() }))).resolves.toEqual(base);
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: String(now() + 60) })),
    ).resolves.toBeNull();
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { ...live, iat: 'yesterday' })),
    ).resolves.toBeNull();
  });

  it('refuses a token without a subject, and anything that is not three base64url parts of JSON objects', async () => {
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { roles: ['admin'], exp: now() + 60 })),
    ).resolves.toBeNull();
    await expect(
      verifier.verify(handMade({ alg: 'HS256' }, { sub: '', roles: ['admin'], exp: now() + 60 })),
    ).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, ['C-007']))).resolves.toBeNull();
    const token = await verifier.sign('C-007', []);
    for (const bad of [
      '',
      'abc',
      token.split('.').slice(0, 2).join('.'),
      `${token}.x`,
      token.replace('.', '.+'),
      `${token}=`,
    ]) {
      await expect(verifier.verify(bad)).resolves.toBeNull();
    }
  });
});
