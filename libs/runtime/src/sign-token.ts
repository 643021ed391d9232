import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/** Where a token of this deployment puts its claims: AUTH_ROLES_CLAIM, AUTH_ISSUER, AUTH_AUDIENCE. */
export interface TokenClaimsPlacement {
  /** A dot path such as `realm_access.roles`; default `roles`. */
  rolesClaim?: string;
  issuer?: string;
  audience?: string;
}

/**
 * An HS256 token of this deployment's secret, as the API verifies it: `sub`, the roles where
 * AUTH_ROLES_CLAIM says, `iat`, `exp` after `expiresIn` (jose's notation: `90s`, `8h`), and the
 * configured issuer and audience. For development, `npm run cli -- token` and `npm start`'s welcome.
 */
export function signToken(
  secret: string | KeyObject,
  placement: TokenClaimsPlacement,
  sub: string,
  roles: string[],
  expiresIn = '1h',
): Promise<string> {
  const claims = (placement.rolesClaim ?? 'roles')
    .split('.')
    .reduceRight<unknown>((inner, key) => ({ [key]: inner }), roles) as Record<string, unknown>;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (placement.issuer) jwt.setIssuer(placement.issuer);
  if (placement.audience) jwt.setAudience(placement.audience);
  return jwt.sign(typeof secret === 'string' ? createSecretKey(Buffer.from(secret, 'utf8')) : secret);
}
