// `npm run cli -- audit verify|export …`: the CLI's dispatcher calls these with the arguments after the subcommand.
export { auditVerify, AUDIT_VERIFY_USAGE } from './audit-verify.js';
export { auditExport, AUDIT_EXPORT_USAGE } from './audit-export.js';
export { processIo, EXIT, type CliIo } from './cli-io.js';
