import pg from 'pg';

/** The runtime login could rewrite the log: the start stops here (SPEC §7, least privilege). */
export class RuntimeLoginRefused extends Error {
  readonly code = 'RUNTIME_LOGIN_REFUSED' as const;
}

export interface RuntimeLoginFacts {
  login: string;
  owner: string | null;
  superuser: boolean;
  createRole: boolean;
  bypassRls: boolean;
  replication: boolean;
  memberOfOwner: boolean;
}

/** What the login the processes use may do, as PostgreSQL itself answers it. */
export async function runtimeLoginFacts(url: string): Promise<RuntimeLoginFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // session_user, not current_user: the pools may work as caseledger_app, the login is what counts.
    const { rows } = await client.query<RuntimeLoginFacts>(`
      SELECT r.rolname AS login, o.rolname AS owner, r.rolsuper AS superuser, r.rolcreaterole AS "createRole",
             r.rolbypassrls AS "bypassRls", r.rolreplication AS replication,
             coalesce(pg_has_role(session_user, n.nspowner, 'MEMBER'), false) AS "memberOfOwner"
      FROM pg_roles r
      LEFT JOIN pg_namespace n ON n.nspname = 'event_store'
      LEFT JOIN pg_roles o ON o.oid = n.nspowner
      WHERE r.rolname = session_user`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/**
 * Refuses a runtime login that could change the log behind the triggers: a superuser, a member of
 * the schemas' owner (or the owner itself), or one with CREATEROLE (which may grant itself the
 * owner), BYPASSRLS or REPLICATION. `variable` names where the login came from, for the operator.
 * `allowPrivileged` turns the refusal into the returned problems, for the caller to log loudly.
 */
export async function checkRuntimeLogin(
  url: string,
  variable: string,
  allowPrivileged = false,
): Promise<string[]> {
  const facts = await runtimeLoginFacts(url);
  if (facts.owner === null) {
    throw new RuntimeLoginRefused(
      `${variable}: the log's schema (event_store) is missing or invisible to login "${facts.login}"; ` +
        'run `npm run cli -- db setup` with DATABASE_OWNER_URL, or start once with DATABASE_OWNER_URL set',
    );
  }
  const problems = [
    facts.superuser && 'is a superuser',
    facts.memberOfOwner && `is the schemas' owner "${facts.owner}" or a member of it`,
    facts.createRole && 'has CREATEROLE (it could make itself a member of the owner)',
    facts.bypassRls && 'has BYPASSRLS',
    facts.replication && 'has REPLICATION',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0 && !allowPrivileged) {
    throw new RuntimeLoginRefused(
      `${variable}: the runtime login "${facts.login}" ${problems.join(', ')}; it could change or delete events. ` +
        'Give the processes the login `npm run cli -- db setup` creates (caseledger_runtime), keep the owner in DATABASE_OWNER_URL ' +
        '(or, for a local experiment only, set DATABASE_ALLOW_PRIVILEGED_RUNTIME=true).',
    );
  }
  return problems.map((p) => `runtime login "${facts.login}" ${p}`);
}
