import type { Logger } from 'pino';
import type { CaseledgerConfig } from '#config';
import { startDigestPart } from '#runtime';
import { AuditDigestsController, DIGESTS_POOL } from '../../api/src/audit/audit-digests.controller.js';

/** The digest part (as apps/projector runs it) and the routes that serve digests and keys. */
export async function startDigestParts(config: CaseledgerConfig, databaseUrl: string, logger: Logger) {
  const digests = await startDigestPart(config, databaseUrl, logger, 3);
  return {
    controllers: [AuditDigestsController],
    providers: [{ provide: DIGESTS_POOL, useValue: digests.pool }],
    health: digests.health,
    stop: () => digests.stop(),
  };
}
