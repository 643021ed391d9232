import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

/**
 * A small OpenID Connect provider for the tests: a discovery document and a JWK set over real
 * HTTP, keys it can rotate, and tokens it signs the way Keycloak does (roles in realm_access).
 */
export class TestIdentityProvider {
  /** Requests for the JWK set so far (a rotation costs one more). */
  jwksFetches = 0;
  /** Requests for the discovery document so far. */
  discoveryFetches = 0;
  /** While true, the provider answers 503 to everything (an outage). */
  down = false;
  private published: SigningKey[] = [];

  private readonly server: Server = createServer((request, response) =>
    this.answer(request.url ?? '', response),
  );
  issuer = '';

  static async start(): Promise<TestIdentityProvider> {
    const provider = new TestIdentityProvider();
    await new Promise<void>((resolve) => provider.server.listen(0, '127.0.0.1', resolve));
    provider.issuer = `http://127.0.0.1:${(provider.server.address() as AddressInfo).port}/realms/department`;
    return provider;
  }

  get jwksUrl(): string {
    return `${this.issuer}/protocol/openid-connect/certs`;
  }

  /** A new key pair; published in the JWK set unless `publish` is false (a key the provider never had). */
  async newKey(kid: string, alg: 'RS256' | 'ES256', publish = true): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    const key = { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
    if (publish) this.published.push(key);
    return key;
  }

  /** Only `keys` are published from now on (the others retired). */
  publishOnly(...keys: SigningKey[]): void {
    this.published = keys;
  }

  sign(key: SigningKey, claims: JWTPayload, expiresIn = '5m'): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key.privateKey);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(url: string, response: ServerResponse): void {
    const path = new URL(url, 'http://x').pathname;
    if (path.endsWith('/.well-known/openid-configuration')) this.discoveryFetches++;
    if (this.down) return void response.writeHead(503).end();
    const send = (body: unknown) =>
      void response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/realms/department/.well-known/openid-configuration')
      send({ issuer: this.issuer, jwks_uri: this.jwksUrl });
    else if (path === '/realms/department/protocol/openid-connect/certs') {
      this.jwksFetches++;
      send({ keys: this.published.map((k) => k.jwk) });
    } else response.writeHead(404).end();
  }
}
