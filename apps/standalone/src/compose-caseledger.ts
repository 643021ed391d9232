import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { CaseledgerConfig } from '#config';
import { PostgresAuditLog } from '#audit';
import type { EventStore } from '#event-store';
import { databaseConnection, openEventStore, startKafkaPart } from '#runtime';
import type { ApiModuleOptions } from '../../api/src/api.module.js';
import { AuditController } from '../../api/src/audit/audit.controller.js';
import { auditProviders } from '../../api/src/audit/audit.providers.js';
import type { JwtVerifierOptions } from '../../api/src/auth/jwt-verifier.js';
import type { ConsoleSignIn } from '../../api/src/console/serve-console.js';
import { createApiApp } from '../../api/src/create-api-app.js';
import type { HealthContributor } from '../../api/src/health/health-contributor.js';
import { startDigestParts } from './digest-parts.js';
import { startProjectionParts } from './projection-parts.js';

export interface Caseledger {
  /** The HTTP application, not yet listening. */
  app: NestExpressApplication;
  store: EventStore;
  /** Every part in reverse order of start: the API first, the log last. The database is the caller's. */
  stop(): Promise<void>;
}

/** What the configuration cannot say and only a test changes: a clock, how soon keys are fetched again. */
export type ApiOverrides = Partial<Pick<ApiModuleOptions, 'clock'>> & { auth?: Partial<JwtVerifierOptions> };

/**
 * The whole system on a prepared database, as `npm start` runs it and the end-to-end tests start it:
 * the log, the projector and its read models, with KAFKA_BROKERS ingest and publication, the audit
 * and the signed digests (PostgreSQL only), and the API that serves them all.
 */
export async function composeCaseledger(
  config: CaseledgerConfig,
  databaseUrl: string,
  logger: Logger,
  options: { jwtSecret: string; consoleDir?: string; overrides?: ApiOverrides },
): Promise<Caseledger> {
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse())
      await step().catch((error) => logger.error({ err: error }, 'while stopping'));
  };
  try {
    const connection = databaseConnection(config, databaseUrl);
    const store = await openEventStore(config, databaseUrl, (error) =>
      logger.warn({ err: error }, 'event store'),
    );
    stops.push(() => store.close());
    const projections = startProjectionParts(store, logger, connection, config.reportWaitMs);
    stops.push(() => projections.stop());
    const health: HealthContributor[] = [projections.health];
    if (config.kafka) {
      // With KAFKA_BROKERS, npm start ingests upstream order events and publishes the log (SPEC §5).
      const kafka = await startKafkaPart({ ...config, kafka: config.kafka }, store, databaseUrl, logger, {
        ingest: true,
        publish: true,
      });
      stops.push(() => kafka.stop());
      health.push(kafka.health);
    }
    // The audit reads the log's table directly (constant-memory chain walks): PostgreSQL only.
    const auditLog = config.eventStore === 'postgres' ? new PostgresAuditLog({ connection }) : undefined;
    if (auditLog) stops.push(() => auditLog.close());
    const digests = auditLog ? await startDigestParts(config, databaseUrl, logger) : undefined;
    if (digests) {
      stops.push(() => digests.stop());
      health.push(digests.health);
    }
    const app = await createApiApp({
      store,
      jwtSecret: options.jwtSecret,
      auth: { ...authOptions(config), ...options.overrides?.auth },
      ...(options.overrides?.clock ? { clock: options.overrides.clock } : {}),
      commandsInFlight: config.commandsInFlight,
      commandsWaitingMax: config.commandsWaitingMax,
      limits: {
        rateLimit: config.rateLimit,
        requestTimeoutMs: config.http.requestTimeoutMs,
        headersTimeoutMs: config.http.headersTimeoutMs,
      },
      currency: config.currency,
      logger,
      healthContributors: health,
      ...(options.consoleDir ? { console: { dir: options.consoleDir, signIn: consoleSignIn(config) } } : {}),
      controllers: [
        ...projections.controllers,
        ...(auditLog ? [AuditController] : []),
        ...(digests?.controllers ?? []),
      ],
      providers: [
        ...projections.providers,
        ...(auditLog ? auditProviders(auditLog) : []),
        ...(digests?.providers ?? []),
      ],
    });
    stops.push(() => app.close());
    return { app, store, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** How the console signs people in, from the same variables the API verifies tokens with. */
export function consoleSignIn(config: CaseledgerConfig): ConsoleSignIn {
  const { issuer, consoleClientId, rolesClaim } = config.auth;
  return {
    rolesClaim,
    ...(issuer && consoleClientId ? { oidc: { issuer, clientId: consoleClientId } } : {}),
  };
}

/** AUTH_*: the token policy, and the identity provider whose keys sign tokens when one is named. */
export function authOptions(config: CaseledgerConfig): JwtVerifierOptions {
  return {
    audience: config.auth.audience,
    issuer: config.auth.issuer,
    rolesClaim: config.auth.rolesClaim,
    maxLifetimeSeconds: config.auth.maxLifetimeSeconds,
    provider:
      config.auth.jwksUrl || config.auth.issuer
        ? { jwksUrl: config.auth.jwksUrl, discover: !config.auth.jwksUrl }
        : undefined,
  };
}
