import { createSecretKey } from 'node:crypto';
import { SignJWT } from 'jose';

/** A lifetime as jose reads it, in the units an operator types: `90s`, `30m`, `8h`, `7d`. */
export const TOKEN_TTL = /^[1-9]\d{0,5}[smhd]$/;

/**
 * An HS256 token with `sub` and `roles` (SPEC §4), signed with the deployment's secret, with `iat`
 * and an `exp` after `ttl`: the one way the product mints tokens (the CLI, `npm start`, the demo).
 */
export function mintToken(
  secret: string,
  claims: { sub: string; roles: readonly string[] },
  ttl: string,
): Promise<string> {
  if (!TOKEN_TTL.test(ttl))
    throw new RangeError(
      `A token lifetime is a number and a unit (s, m, h, d), such as 8h; got ${JSON.stringify(ttl)}`,
    );
  return new SignJWT({ roles: [...claims.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(createSecretKey(Buffer.from(secret, 'utf8')));
}
