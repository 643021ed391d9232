import { parseArgs } from 'node:util';
import { ConfigurationError, loadConfig } from '#config';
import { existingJwtSecret, mintToken, TOKEN_TTL } from '#runtime';
import { EXIT, type CliIo } from '../audit/cli-io.js';

const ROLES = [
  'intake',
  'sorter',
  'correspondent',
  'supervisor',
  'auditor',
  'analyst',
  'integration',
  'admin',
];
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
  const unknown = roles.filter((r) => !ROLES.includes(r));
  if (unknown.length > 0)
    return usage(io, `unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  if (!TOKEN_TTL.test(parsed.ttl)) return usage(io, `--ttl is a number and a unit (s, m, h, d), such as 8h`);
  let secret;
  try {
    secret = await existingJwtSecret(loadConfig(io.env));
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
  io.stdout.write(`${await mintToken(secret.secret, { sub: parsed.sub, roles }, parsed.ttl)}\n`);
  return EXIT.ok;
}

function usage(io: CliIo, problem: string): number {
  io.stderr.write(`${problem}\n${USAGE}\n`);
  return EXIT.failed;
}
