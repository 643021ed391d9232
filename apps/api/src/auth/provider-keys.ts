import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

/**
 * The signing keys of an OpenID Connect provider (Keycloak, Entra ID, Auth0…), from its JWK set:
 * AUTH_JWKS_URL, or the `jwks_uri` that AUTH_ISSUER's discovery document names. jose keeps the set
 * in memory and fetches it again when a token names a `kid` it does not hold (a key rotation), at
 * most once per cooldown, so a flood of made-up `kid`s costs the provider one request per cooldown.
 */
export interface ProviderKeysOptions {
  jwksUrl?: string;
  /** With discovery: `${issuer}/.well-known/openid-configuration` names the JWK set. */
  issuer?: string;
  /** Least time between two fetches of the set, in ms (jose's default 30 s). */
  cooldownMs?: number;
  /** How long a fetched set is trusted without a refetch, in ms (jose's default 10 min). */
  cacheMaxAgeMs?: number;
}

/** Algorithms a provider may sign with; HS256 stays with this deployment's own secret. */
export const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];

export class ProviderKeys {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(private readonly options: ProviderKeysOptions) {
    if (!options.jwksUrl && !options.issuer)
      throw new Error('ProviderKeys needs AUTH_JWKS_URL or AUTH_ISSUER');
  }

  /** The verified payload, or null when the signature, algorithm or key does not hold. */
  async verifiedPayload(token: string): Promise<Record<string, unknown> | null> {
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), { algorithms: PROVIDER_ALGORITHMS });
      return payload as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    if (!this.keys) {
      const cooldownMs = this.options.cooldownMs ?? 30_000;
      this.keys = this.locate().then((url) =>
        createRemoteJWKSet(url, {
          cooldownDuration: cooldownMs,
          cacheMaxAge: this.options.cacheMaxAgeMs ?? 600_000,
          timeoutDuration: 5_000,
        }),
      );
      // A failed discovery is tried again after the cooldown, not on every token: a flood of
      // tokens while the provider is down must not become a flood of requests to it.
      this.keys.catch(() => setTimeout(() => (this.keys = undefined), cooldownMs).unref());
    }
    return this.keys;
  }

  private async locate(): Promise<URL> {
    if (this.options.jwksUrl) return new URL(this.options.jwksUrl);
    const discovery = new URL(`${this.options.issuer!.replace(/\/+$/, '')}/.well-known/openid-configuration`);
    const response = await fetch(discovery, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`OpenID discovery at ${discovery.href} answered ${response.status}`);
    const document = (await response.json()) as { jwks_uri?: unknown };
    if (typeof document.jwks_uri !== 'string')
      throw new Error(`OpenID discovery at ${discovery.href} names no jwks_uri`);
    return new URL(document.jwks_uri);
  }
}
