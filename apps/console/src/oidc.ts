import type { SignInConfig } from './sign-in-config.js';

// OpenID Connect's authorization code flow with PKCE (RFC 7636), as a public client: the browser
// holds no secret. What a login needs across the provider's redirect is kept for this tab only.
const PENDING = 'caseledger.oidc';

interface Pending {
  state: string;
  verifier: string;
  tokenEndpoint: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

/** Where the provider sends people back: the console itself, so it is one exact URL to register. */
export const redirectUri = (): string => `${location.origin}/console/`;

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomText = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`the identity provider's discovery answered ${response.status}`);
  return (await response.json()) as Discovery;
}

/** Sends the browser to the provider's sign-in page; it comes back to the console with a code. */
export async function startLogin(oidc: NonNullable<SignInConfig['oidc']>): Promise<void> {
  const discovery = await discover(oidc.issuer);
  const pending: Pending = {
    state: randomText(),
    verifier: randomText(),
    tokenEndpoint: discovery.token_endpoint,
  };
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))),
  );
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** The provider's answer in the address (`?code=…&state=…` or `?error=…`), if this page load is one. */
export function loginAnswer(): URLSearchParams | null {
  const params = new URLSearchParams(location.search);
  return params.has('code') || params.has('error') ? params : null;
}

/**
 * Exchanges the code for an access token, after checking that this tab started the login (state).
 * Throws with a sentence for people on any refusal; the pending login is forgotten either way.
 */
export async function finishLogin(
  answer: URLSearchParams,
  oidc: NonNullable<SignInConfig['oidc']>,
): Promise<string> {
  const stored = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const error = answer.get('error');
  if (error) throw new Error(`The identity provider did not sign you in (${error}).`);
  const pending = stored ? (JSON.parse(stored) as Pending) : null;
  if (!pending || answer.get('state') !== pending.state)
    throw new Error('This sign-in was not started from this tab; start it again.');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: answer.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (!response.ok || typeof body.access_token !== 'string')
    throw new Error(`The identity provider refused the sign-in (${String(body.error ?? response.status)}).`);
  return body.access_token;
}
