import type { ClientConfig } from 'pg';
import { APPLICATION_ROLE } from './migrations/1763900000001-guard-append-only.js';

/**
 * Makes every connection work as the application role from its first statement on.
 *
 * Chosen over `SET ROLE` in the pool's `connect` event: `-c role=…` is a startup parameter, so the
 * server applies it while accepting the connection, and a login user who may not take the role
 * gets no connection at all. A `SET ROLE` sent after connecting can fail or be overtaken by a
 * query, leaving a connection that silently runs with the login user's (more powerful) rights.
 * The login user must be a member of the role (`GRANT caseledger_app TO app_login`) or a superuser.
 */
export function withApplicationRole(
  config: ClientConfig,
  role: string | null = APPLICATION_ROLE,
): ClientConfig {
  if (role === null) return config;
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`Not a plain role name: ${role}`);
  return withSetting(config, `role=${role}`);
}

/** Sessions in UTC: timestamps come back as `…+00`, which EVENT_ROW_TYPES turns into ISO strings directly. */
export function inUtc(config: ClientConfig): ClientConfig {
  return withSetting(config, 'TimeZone=UTC');
}

/** One more `-c name=value` startup parameter, after those the config already carries. */
function withSetting(config: ClientConfig, setting: string): ClientConfig {
  return { ...config, options: [config.options, `-c ${setting}`].filter(Boolean).join(' ') };
}
