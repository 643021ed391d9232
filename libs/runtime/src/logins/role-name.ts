/** Role names go into SQL as identifiers: only plain lower-case names, so no quoting is ever needed. */
export function plainRoleName(name: string, variable: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`${variable}: "${name}" is not a plain role name (a-z, 0-9, _)`);
  return name;
}

/** The login the API, projector and ingest use on an external PostgreSQL unless DATABASE_RUNTIME_ROLE names another. */
export const DEFAULT_RUNTIME_ROLE = 'caseledger_runtime';

/** The NOLOGIN role the migrations grant rows to (SELECT/INSERT on the log, rows of the read models). */
export const APPLICATION_PRIVILEGES_ROLE = 'caseledger_app';
