import { MAX_TOKEN_LENGTH } from '#config';
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { signToken } from '#runtime';
import { ProviderKeys, PROVIDER_ALGORITHMS, type ProviderKeysOptions } from './provider-keys.js';
import { claimsUnderPolicy, type TokenClaims, type TokenPolicy } from './token-policy.js';

export interface JwtVerifierOptions extends TokenPolicy {
  /** An OpenID Connect provider whose RS256/ES256 tokens are accepted too (AUTH_JWKS_URL / AUTH_ISSUER). */
  provider?: Omit<ProviderKeysOptions, 'issuer'> & { discover?: boolean };
}

/**
 * HS256 tokens with `sub` and `roles` (SPEC §4). Verified here with one synchronous HMAC: jose's
 * verification goes through WebCrypto, which imports the key and schedules a job per token — 7 % of
 * a busy server's CPU for what is a 3 µs hash. Only HS256 is accepted (no `none`, no algorithm
 * the header picks), the signature is compared in constant time, and `exp`, `nbf` and `iat` are
 * checked as jose checks them. Tokens are still signed with jose.
 *
 * With a provider configured, RS256/ES256 tokens are verified against its JWK set (jose). Either way
 * the claims then pass one TokenPolicy: `exp` required, a maximum life, audience and issuer.
 */
export class JwtVerifier {
  /** jose signs with the KeyObject; the HMAC takes the raw bytes (a KeyObject costs it a copy per call). */
  private readonly key: KeyObject;
  private readonly secret: Buffer;

  private readonly provider: ProviderKeys | undefined;

  constructor(
    secret: string,
    private readonly options: JwtVerifierOptions = {},
  ) {
    this.secret = Buffer.from(secret, 'utf8');
    this.key = createSecretKey(this.secret);
    const { provider, issuer } = options;
    this.provider =
      provider && (provider.jwksUrl || (provider.discover && issuer))
        ? new ProviderKeys({ ...provider, issuer: provider.discover ? issuer : undefined })
        : undefined;
  }

  async verify(token: string): Promise<TokenClaims | null> {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((part) => !BASE64URL.test(part))) return null;
    const head = parseObject(parts[0]!);
    let payload: Record<string, unknown> | null = null;
    if (head?.alg === 'HS256') payload = this.hmacPayload(parts as [string, string, string], head);
    else if (this.provider && PROVIDER_ALGORITHMS.includes(head?.alg as string))
      payload = await this.provider.verifiedPayload(token);
    return payload ? claimsUnderPolicy(payload, this.options, Math.floor(Date.now() / 1000)) : null;
  }

  /** A token of this deployment's secret (development, the CLI, `npm start`'s welcome), with the configured audience and issuer. */
  sign(sub: string, roles: string[], expiresIn = '1h'): Promise<string> {
    // The roles go where AUTH_ROLES_CLAIM says, so one policy reads every token.
    return signToken(this.key, this.options, sub, roles, expiresIn);
  }

  private hmacPayload(
    [header, payload, signature]: [string, string, string],
    head: Record<string, unknown>,
  ): Record<string, unknown> | null {
    const expected = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if ('crit' in head || head.b64 === false) return null;
    return parseObject(payload);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function parseObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
