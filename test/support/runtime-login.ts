import { ensureRuntimeLogin } from '#runtime';

/** The runtime login test processes run as; each test file has its own server, so one name serves. */
export const TEST_RUNTIME_PASSWORD = 'runtime-password-for-tests';

/**
 * Creates the runtime login on the database of `ownerUrl` (migrated already) and answers its URL:
 * what a process gets as DATABASE_URL, with `ownerUrl` as DATABASE_OWNER_URL (SPEC §7).
 */
export async function runtimeLoginUrl(ownerUrl: string): Promise<string> {
  await ensureRuntimeLogin(ownerUrl, { role: 'caseledger_runtime', password: TEST_RUNTIME_PASSWORD });
  const url = new URL(ownerUrl);
  url.username = 'caseledger_runtime';
  url.password = TEST_RUNTIME_PASSWORD;
  return url.toString();
}
