import { CLOCK_SKEW_SECONDS, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '#config';
import { LONE_SURROGATE } from '#application';

/**
 * What a token must hold besides a good signature, whoever signed it (this deployment's HS256
 * secret or the identity provider's keys). A token that misses any of it is a 401: a stolen token
 * must not live forever, and a token minted for another application must not open this one.
 */
export interface TokenPolicy {
  /** `aud` must be or contain this (AUTH_AUDIENCE); unchecked when absent. */
  audience?: string;
  /** `iss` must equal this (AUTH_ISSUER); unchecked when absent. */
  issuer?: string;
  /** Longest life a token may claim, `exp` − `iat` (or − now without `iat`), in seconds (AUTH_MAX_TOKEN_LIFETIME_S). */
  maxLifetimeSeconds?: number;
  /** Where the roles are, a dot path such as `realm_access.roles` (AUTH_ROLES_CLAIM); default `roles`. */
  rolesClaim?: string;
}

export interface TokenClaims {
  sub: string;
  roles: string[];
}

/** The caller's claims when the payload satisfies the policy at `now` (seconds), else null. */
export function claimsUnderPolicy(
  claims: Record<string, unknown>,
  policy: TokenPolicy,
  now: number,
): TokenClaims | null {
  if (!timesHold(claims, now, policy.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS)) return null;
  if (policy.issuer !== undefined && claims.iss !== policy.issuer) return null;
  if (policy.audience !== undefined && !audienceHolds(claims.aud, policy.audience)) return null;
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200 || LONE_SURROGATE.test(sub))
    return null;
  const found = valueAt(claims, policy.rolesClaim ?? 'roles');
  const roles = Array.isArray(found)
    ? found.filter((r): r is string => typeof r === 'string' && !LONE_SURROGATE.test(r))
    : [];
  return { sub, roles };
}

/**
 * `exp` required and in the future, `nbf` reached, `iat` not ahead of the clock, and a life no
 * longer than the maximum (RFC 7519 §4.1; every time claim a finite number — `1e400` is not).
 */
function timesHold(claims: Record<string, unknown>, now: number, maxLifetime: number): boolean {
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    if (claim in claims && !Number.isFinite(claims[claim])) return false;
  }
  const { exp, nbf, iat } = claims as { exp?: number; nbf?: number; iat?: number };
  if (exp === undefined || exp <= now) return false;
  if (nbf !== undefined && nbf > now) return false;
  if (iat !== undefined && iat > now + CLOCK_SKEW_SECONDS) return false;
  return exp - Math.min(iat ?? now, now) <= maxLifetime;
}

function audienceHolds(aud: unknown, audience: string): boolean {
  return aud === audience || (Array.isArray(aud) && aud.includes(audience));
}

function valueAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
