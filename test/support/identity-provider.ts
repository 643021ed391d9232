import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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

  /**
   * Who the provider's login page signs in, when a browser is sent there (no form: the person is
   * taken as already known to the provider); null: the person declines (`error=access_denied`).
   */
  signsInAs: { key: SigningKey; claims: JWTPayload } | null = null;
  /** Requests at the token endpoint so far. */
  tokenRequests = 0;
  private readonly codes = new Map<
    string,
    { clientId: string; redirectUri: string; challenge: string; key: SigningKey; claims: JWTPayload }
  >();

  private readonly server: Server = createServer((request, response) => {
    if (request.method === 'POST') void this.token(request, response);
    else this.answer(request.url ?? '', response);
  });
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
      void response
        .writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' })
        .end(JSON.stringify(body));
    if (path === '/realms/department/.well-known/openid-configuration')
      send({
        issuer: this.issuer,
        jwks_uri: this.jwksUrl,
        authorization_endpoint: `${this.issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${this.issuer}/protocol/openid-connect/token`,
      });
    else if (path === '/realms/department/protocol/openid-connect/auth') this.authorize(url, response);
    else if (path === '/realms/department/protocol/openid-connect/certs') {
      this.jwksFetches++;
      send({ keys: this.published.map((k) => k.jwk) });
    } else response.writeHead(404).end();
  }

  /** The login page: straight back to the console with a one-time code, or with the refusal. */
  private authorize(url: string, response: ServerResponse): void {
    const params = new URL(url, 'http://x').searchParams;
    const back = new URL(params.get('redirect_uri') ?? '');
    back.searchParams.set('state', params.get('state') ?? '');
    if (!this.signsInAs || params.get('code_challenge_method') !== 'S256') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = randomUUID();
      this.codes.set(code, {
        clientId: params.get('client_id') ?? '',
        redirectUri: params.get('redirect_uri') ?? '',
        challenge: params.get('code_challenge') ?? '',
        ...this.signsInAs,
      });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { Location: back.toString() }).end();
  }

  /** The token endpoint: a code once, for the client and address it was issued to, with the PKCE verifier. */
  private async token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.tokenRequests++;
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const form = new URLSearchParams(text);
    const answer = (status: number, body: unknown) =>
      void response
        .writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' })
        .end(JSON.stringify(body));
    const issued = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !issued ||
      issued.clientId !== form.get('client_id') ||
      issued.redirectUri !== form.get('redirect_uri') ||
      issued.challenge !== challenge
    )
      return answer(400, { error: 'invalid_grant' });
    answer(200, {
      access_token: await this.sign(issued.key, issued.claims),
      token_type: 'Bearer',
      expires_in: 300,
    });
  }
}
