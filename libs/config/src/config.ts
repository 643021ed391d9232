import { z } from 'zod';
import {
  DEFAULT_COMMANDS_IN_FLIGHT,
  DEFAULT_COMMANDS_WAITING_MAX,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  DEFAULT_RATE_LIMIT_BURST,
  DEFAULT_RATE_LIMIT_PER_SECOND,
} from './tunables.js';

/**
 * Every environment variable Caseledger reads, typed and validated once at start-up. The defaults
 * make `npm start` work on a fresh machine: embedded PostgreSQL in ./data, port 3000, no Kafka.
 */
const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  AUTH_JWT_SECRET: z.string().min(16, 'AUTH_JWT_SECRET must be at least 16 characters').optional(),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'CURRENCY is an ISO-4217 code such as USD')
    .default('USD'),
  EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
  EVENTSTOREDB_URL: z.string().optional(),
  KAFKA_BROKERS: z.string().optional(),
  KAFKA_ORDERS_TOPIC: z.string().default('orders.events'),
  KAFKA_EVENTS_TOPIC: z.string().default('caseledger.events'),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).default(3),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).default(20),
  COMMANDS_IN_FLIGHT: z.coerce.number().int().min(1).default(DEFAULT_COMMANDS_IN_FLIGHT),
  // --- database faults (issue 23): bounded waits on every connection ---
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  // --- Hostile input and identity (issue 19) ---
  COMMANDS_WAITING_MAX: z.coerce.number().int().min(0).default(DEFAULT_COMMANDS_WAITING_MAX),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_ROLES_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, 'A dot path such as realm_access.roles')
    .default('roles'),
  AUTH_MAX_TOKEN_LIFETIME_S: z.coerce.number().int().min(60).default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(DEFAULT_RATE_LIMIT_PER_SECOND),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMIT_BURST),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(10_000),
  REPORT_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  // --- Database logins and signed digests (SPEC §7, §7.1; issue 18) ---
  DATABASE_OWNER_URL: z.string().url().optional(),
  DATABASE_RUNTIME_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_RUNTIME_ROLE is a plain role name (a-z, 0-9, _)')
    .default('caseledger_runtime'),
  DATABASE_RUNTIME_PASSWORD: z
    .string()
    .min(16, 'DATABASE_RUNTIME_PASSWORD must be at least 16 characters')
    .optional(),
  DATABASE_ALLOW_PRIVILEGED_RUNTIME: z.enum(['true', 'false']).default('false'),
  AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  AUDIT_DIGEST_SECONDS: z.coerce.number().int().min(1).max(86_400).default(10),
  // --- The console's sign-in (issue 22) ---
  CONSOLE_OIDC_CLIENT_ID: z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'CONSOLE_OIDC_CLIENT_ID is a client id of printable ASCII')
    .optional(),
});

export type CaseledgerConfig = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  jwtSecret: string | undefined;
  currency: string;
  eventStore: 'postgres' | 'eventstoredb';
  eventStoreDbUrl: string | undefined;
  kafka:
    | {
        brokers: string[];
        ordersTopic: string;
        eventsTopic: string;
        partitions: number;
        replicationFactor: number;
      }
    | undefined;
  logLevel: z.infer<typeof environment>['LOG_LEVEL'];
  dbPoolSize: number;
  /** Commands the API works on at once; the others wait in arrival order. */
  commandsInFlight: number;
  /** DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS: a database that is away fails calls in bounded time. */
  dbTimeouts: { connectMs: number; statementMs: number };
  /** Hostile input and identity (issue 19). */
  commandsWaitingMax: number;
  auth: {
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    rolesClaim: string;
    maxLifetimeSeconds: number;
    /** CONSOLE_OIDC_CLIENT_ID: the console signs people in at AUTH_ISSUER as this public client (code + PKCE). */
    consoleClientId?: string;
  };
  rateLimit: { perSecond: number; burst: number };
  http: { requestTimeoutMs: number; headersTimeoutMs: number };
  /** REPORT_WAIT_MS: how long a read with ?minPosition= waits for the projections before 503. */
  reportWaitMs: number;
  // --- Database logins and signed digests (SPEC §7, §7.1; issue 18) ---
  /** The owner login: migrations and role setup, closed once done. */
  databaseOwnerUrl: string | undefined;
  /** The runtime login `db setup` creates. */
  databaseRuntimeRole: string;
  databaseRuntimePassword: string | undefined;
  /** A superuser or owner-member runtime login is logged loudly instead of refused. */
  allowPrivilegedRuntime: boolean;
  auditSigningKeyFile: string | undefined;
  auditDigestSeconds: number;
}>;

export class ConfigurationError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CaseledgerConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.CONSOLE_OIDC_CLIENT_ID && !e.AUTH_ISSUER) {
    throw new ConfigurationError(
      'Invalid configuration:\n  CONSOLE_OIDC_CLIENT_ID: needs AUTH_ISSUER (the provider the console signs people in at)',
    );
  }
  if (e.EVENT_STORE === 'eventstoredb' && !e.EVENTSTOREDB_URL) {
    throw new ConfigurationError(
      'Invalid configuration:\n  EVENTSTOREDB_URL: required when EVENT_STORE=eventstoredb',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    jwtSecret: e.AUTH_JWT_SECRET,
    currency: e.CURRENCY,
    eventStore: e.EVENT_STORE,
    eventStoreDbUrl: e.EVENTSTOREDB_URL,
    kafka: e.KAFKA_BROKERS
      ? {
          brokers: e.KAFKA_BROKERS.split(',')
            .map((b) => b.trim())
            .filter(Boolean),
          ordersTopic: e.KAFKA_ORDERS_TOPIC,
          eventsTopic: e.KAFKA_EVENTS_TOPIC,
          partitions: e.KAFKA_TOPIC_PARTITIONS,
          replicationFactor: e.KAFKA_REPLICATION_FACTOR,
        }
      : undefined,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
    commandsInFlight: e.COMMANDS_IN_FLIGHT,
    dbTimeouts: { connectMs: e.DB_CONNECT_TIMEOUT_MS, statementMs: e.DB_STATEMENT_TIMEOUT_MS },
    commandsWaitingMax: e.COMMANDS_WAITING_MAX,
    auth: {
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      rolesClaim: e.AUTH_ROLES_CLAIM,
      maxLifetimeSeconds: e.AUTH_MAX_TOKEN_LIFETIME_S,
      ...(e.CONSOLE_OIDC_CLIENT_ID ? { consoleClientId: e.CONSOLE_OIDC_CLIENT_ID } : {}),
    },
    rateLimit: { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
    http: { requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS, headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS },
    reportWaitMs: e.REPORT_WAIT_MS,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    databaseRuntimeRole: e.DATABASE_RUNTIME_ROLE,
    databaseRuntimePassword: e.DATABASE_RUNTIME_PASSWORD,
    allowPrivilegedRuntime: e.DATABASE_ALLOW_PRIVILEGED_RUNTIME === 'true',
    auditSigningKeyFile: e.AUDIT_SIGNING_KEY_FILE,
    auditDigestSeconds: e.AUDIT_DIGEST_SECONDS,
  };
}
