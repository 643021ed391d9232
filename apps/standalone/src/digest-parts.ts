import type { Logger } from 'pino';
import type { CaseledgerConfig } from '#config';
import { DigestIssuer, digestsAfter, DigestStatus, loadSigningKey } from '#audit';
import { withApplicationRole, openPool } from '#event-store';
import { databaseConnection } from '#runtime';
import { startDigestPublisher } from '#messaging';
import { AuditDigestsController, DIGESTS_POOL } from '../../api/src/audit/audit-digests.controller.js';

/**
 * Signed log digests (SPEC §7.1) in this process: the issuer (active where it holds its lock), the
 * routes that serve digests and keys, and with Kafka their publication to caseledger.digests.
 */
export async function startDigestParts(config: CaseledgerConfig, databaseUrl: string, logger: Logger) {
  const log = logger.child({ part: 'digests' });
  const key = await loadSigningKey({ keyFile: config.auditSigningKeyFile, dataDir: config.dataDir });
  const pool = openPool(
    { ...withApplicationRole(databaseConnection(config, databaseUrl)), max: 3 },
    (error) => log.warn({ err: error }, 'digest pool lost an idle connection'),
  );
  const issuer = new DigestIssuer({
    pool,
    key,
    intervalMs: config.auditDigestSeconds * 1000,
    logger: log,
  }).start();
  const publisher = config.kafka
    ? startDigestPublisher({
        pool,
        kafka: config.kafka,
        logger: log,
        readDigests: async (after, limit) =>
          (await digestsAfter(pool, after, limit)).map((d) => ({
            position: d.position,
            keyId: d.keyId,
            json: JSON.stringify(d),
          })),
      })
    : undefined;
  log.info(
    { keyId: key.keyId, keyFile: key.file, everySeconds: config.auditDigestSeconds },
    'signing log digests',
  );
  return {
    controllers: [AuditDigestsController],
    providers: [{ provide: DIGESTS_POOL, useValue: pool }],
    health: new DigestStatus(pool, issuer, key.keyId),
    stop: async () => {
      await publisher?.stop();
      await issuer.stop();
      await pool.end();
    },
  };
}
