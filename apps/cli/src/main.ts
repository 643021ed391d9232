// `npm run cli -- <group> <command> [options]`: the operator's commands, on DATABASE_URL or on the
// embedded database of `npm start` in DATA_DIR.
//   audit verify                       recompute every hash chain (progress bar on a terminal)
//   audit export --case ID | --from T --to T | --all [--out FILE]   NDJSON envelopes
//   projections rebuild [name] | projections status
//   token --sub ID --role ROLE [--ttl 8h]   a token signed with the deployment's secret
//   db setup                           migrate and create the runtime login (DATABASE_OWNER_URL)
import { auditExport, auditVerify } from './audit/index.js';
import { processIo } from './audit/cli-io.js';
import { dbSetup } from './db/db-setup.js';
import { projectionsCli } from './projections/projections-cli.js';
import { tokenCommand } from './token/token-command.js';
import { readEnvFile } from '#config';

readEnvFile();
const USAGE = `usage: npm run cli -- audit verify
       npm run cli -- audit export (--case ID | --from ISO --to ISO | --all) [--out FILE]
       npm run cli -- projections (rebuild [name] | status)
       npm run cli -- token --sub ID --role ROLE [--role ROLE …] [--ttl 8h]
       npm run cli -- db setup`;

const [group, command, ...rest] = process.argv.slice(2);
if (group === 'audit' && command === 'verify') process.exit(await auditVerify(rest));
if (group === 'audit' && command === 'export') process.exit(await auditExport(rest));
if (group === 'token') process.exit(await tokenCommand(process.argv.slice(3), processIo()));
if (group === 'db' && command === 'setup') process.exit(await dbSetup(rest));
if (group === 'projections') process.exit(await projectionsCli(process.argv.slice(3)));
process.stderr.write(`${USAGE}\n`);
process.exit(2);
