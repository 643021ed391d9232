import type { Logger } from 'pino';
import type { CaseledgerConfig } from '#config';
import { DigestIssuer, digestsAfter, DigestStatus, loadSigningKey } from '#audit';
import { openPool, withApplicationRole } from '#event-store';
import { startDigestPublisher } from '#messaging';
import { databaseConnection } from '../database-connection.js';

export interface DigestPart {
  /** The runtime login's pool on the digests: the issuer's, and the routes'. */
  pool: ReturnType<typeof openPool>;
  health: DigestStatus;
  stop(): Promise<void>;
}

/**
 * Signed log digests (SPEC §7.1) in this process: the issuer (active where it holds its lock) and,
 * with KAFKA_BROKERS, their publication to caseledger.digests. The same part in `npm start` and in
 * `apps/projector`; only the size of its pool differs.
 */
export async function startDigestPart(
  config: CaseledgerConfig,
  databaseUrl: string,
  logger: Logger,
  poolSize: number,
): Promise<DigestPart> {
  const log = logger.child({ part: 'digests' });
  const key = await loadSigningKey({ keyFile: config.auditSigningKeyFile, dataDir: config.dataDir });
  const pool = openPool(
    { ...withApplicationRole(databaseConnection(config, databaseUrl)), max: poolSize },
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
    pool,
    health: new DigestStatus(pool, issuer, key.keyId),
    stop: async () => {
      await publisher?.stop();
      await issuer.stop();
      await pool.end();
    },
  };
}
