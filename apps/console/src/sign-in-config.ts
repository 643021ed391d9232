/** How this deployment signs people in (served by the API at /console/sign-in.json). */
export interface SignInConfig {
  /** Where a token carries its roles, as a dot path (AUTH_ROLES_CLAIM). */
  rolesClaim: string;
  /** The identity provider the console may send people to, when one is configured. */
  oidc: { issuer: string; clientId: string } | null;
}

const PASTE_ONLY: SignInConfig = { rolesClaim: 'roles', oidc: null };

/** Read once when the page loads; an API that cannot say leaves the pasted token as the way in. */
export async function loadSignInConfig(): Promise<SignInConfig> {
  try {
    const response = await fetch('/console/sign-in.json', { headers: { Accept: 'application/json' } });
    return response.ok ? ((await response.json()) as SignInConfig) : PASTE_ONLY;
  } catch {
    return PASTE_ONLY;
  }
}
