import { parseArgs } from 'node:util';
import { ConfigurationError, loadConfig } from '#config';
import { existingJwtSecret, signToken } from '#runtime';
import { ROLES, type Role } from '#domain';
import { EXIT, type CliIo } from '../audit/cli-io.js';

/** A lifetime in the units an operator types: `90s`, `30m`, `8h`, `7d`. */
const TOKEN_TTL = /^([1-9]\d{0,5})([smhd])$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

const USAGE = 'usage: npm run cli -- token --sub ID --role ROLE [--role ROLE …] [--ttl 8h]';

/**
 * `npm run cli -- token --sub C-1 --role correspondent --ttl 8h` prints one token signed with the
 * deployment's secret (AUTH_JWT_SECRET, or the one `npm start` keeps in DATA_DIR) and nothing else,
 * so `export TOKEN=$(npm run --silent cli -- token …)` works. It never makes a secret: a token
 * signed with a secret the server does not use would only ever answer 401.
 */
export async function tokenCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        sub: { type: 'string' },
        role: { type: 'string', multiple: true },
        ttl: { type: 'string', default: '8h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const roles = (parsed.role ?? []).flatMap((r) => r.split(',')).filter(Boolean);
  if (!parsed.sub) return usage(io, '--sub is required (the actor: a staff id or a system name)');
  if (roles.length === 0) return usage(io, '--role is required');
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (unknown.length > 0)
    return usage(io, `unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  if (!TOKEN_TTL.test(parsed.ttl)) return usage(io, `--ttl is a number and a unit (s, m, h, d), such as 8h`);
  let secret;
  let config;
  try {
    config = loadConfig(io.env);
    secret = await existingJwtSecret(config);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.failed;
  }
  if (!secret) {
    io.stderr.write(
      'No JWT secret yet: set AUTH_JWT_SECRET, or start the server once (npm start) so it makes one in DATA_DIR.\n',
    );
    return EXIT.failed;
  }
  const [, amount, unit] = TOKEN_TTL.exec(parsed.ttl)!;
  const seconds = Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  if (seconds > config.auth.maxLifetimeSeconds) {
    return usage(
      io,
      `--ttl ${parsed.ttl} is longer than the server accepts (AUTH_MAX_TOKEN_LIFETIME_S=${config.auth.maxLifetimeSeconds})`,
    );
  }
  // The server's own placement: roles where AUTH_ROLES_CLAIM says, its issuer and audience.
  const { rolesClaim, issuer, audience } = config.auth;
  const token = await signToken(
    secret.secret,
    { rolesClaim, issuer, audience },
    parsed.sub,
    roles,
    parsed.ttl,
  );
  io.stdout.write(`${token}\n`);
  return EXIT.ok;
}

function usage(io: CliIo, problem: string): number {
  io.stderr.write(`${problem}\n${USAGE}\n`);
  return EXIT.failed;
}
