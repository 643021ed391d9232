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

describe('JwtVerifier', () => {
  it('accepts the tokens it signs, with their subject and roles', async () => {
    const token = await verifier.sign('C-007', ['correspondent', 'sorter']);
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'C-007', roles: ['correspondent', 'sorter'] });
  });

  it('accepts a token jose signs with HS256 and no expiry, keeping only string roles', async () => {
    const token = await new SignJWT({ roles: ['admin', 7] }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject('ops').sign(key);
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'ops', roles: ['admin'] });
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
    const claims = { sub: 'C-007', roles: ['admin'] };
    await expect(verifier.verify(`${b64({ alg: 'none' })}.${b64(claims)}.`)).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'none' }, claims))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS512' }, claims))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256', crit: ['exp'] }, claims))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256', b64: false }, claims))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, claims))).resolves.toEqual(claims);
  });

  it('refuses expired and not-yet-valid tokens and malformed time claims', async () => {
    const base = { sub: 'C-007', roles: [] };
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: now() - 1 }))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: now() }))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: now() + 60 }))).resolves.toEqual(base);
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, nbf: now() + 60 }))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, nbf: now() }))).resolves.toEqual(base);
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, exp: String(now() + 60) }))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { ...base, iat: 'yesterday' }))).resolves.toBeNull();
  });

  it('refuses a token without a subject, and anything that is not three base64url parts of JSON objects', async () => {
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { roles: ['admin'] }))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, { sub: '', roles: ['admin'] }))).resolves.toBeNull();
    await expect(verifier.verify(handMade({ alg: 'HS256' }, ['C-007']))).resolves.toBeNull();
    const token = await verifier.sign('C-007', []);
    for (const bad of ['', 'abc', token.split('.').slice(0, 2).join('.'), `${token}.x`, token.replace('.', '.+'), `${token}=`]) {
      await expect(verifier.verify(bad)).resolves.toBeNull();
    }
  });
});
