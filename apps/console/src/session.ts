// The token is kept for this tab only (sessionStorage): closing the tab signs out, and another tab
// of the same browser does not inherit someone's session.
const KEY = 'caseledger.token';
const POSITION = 'caseledger.lastPosition';

export interface Session {
  token: string;
  staffId: string;
  roles: string[];
}

let rolesClaim = 'roles';

/** Where tokens of this deployment carry their roles (AUTH_ROLES_CLAIM, a dot path such as realm_access.roles). */
export function useRolesClaim(path: string): void {
  rolesClaim = path;
}

const at = (claims: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], claims);

/** Reads sub and roles from the JWT's payload for display only; the API verifies every call. */
export function decodeToken(token: string): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { sub?: unknown; exp?: unknown };
    const roles = at(claims, rolesClaim);
    if (typeof claims.sub !== 'string' || !Array.isArray(roles)) return null;
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null;
    return {
      token: token.trim(),
      staffId: claims.sub,
      roles: roles.filter((r): r is string => typeof r === 'string'),
    };
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  return token ? decodeToken(token) : null;
}

export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, session.token);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(POSITION);
}

/** The global position of this tab's latest command: reads wait for it (read your own writes). */
export function lastPosition(): number | undefined {
  const value = sessionStorage.getItem(POSITION);
  return value ? Number(value) : undefined;
}

export function rememberPosition(position: number): void {
  if (position > (lastPosition() ?? -1)) sessionStorage.setItem(POSITION, String(position));
}
