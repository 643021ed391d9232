#!/usr/bin/env node
// Refuses a package-lock.json that a fresh machine cannot install: every package entry must name its
// version and how it is checked (`integrity`, or `resolved` for a git or file source). A lock written
// by a lock-only resolution once left 25 platform packages without a version, and `npm ci` then
// failed in two seconds with "Invalid Version:" on every new machine. Links (workspaces) are exempt.
//
//   node infra/tools/check-lock.mjs [path/to/package-lock.json]
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
if (lock.lockfileVersion !== 3) fail([`lockfileVersion is ${lock.lockfileVersion}, expected 3`]);

const problems = [];
for (const [key, entry] of Object.entries(lock.packages ?? {})) {
  if (key === '' || entry.link) continue;
  const missing = [];
  if (!entry.version) missing.push('version');
  if (!entry.integrity && !entry.resolved) missing.push('integrity/resolved');
  if (missing.length > 0) problems.push(`${key}: no ${missing.join(', no ')}`);
}
if (problems.length > 0) fail(problems);
console.log(
  `lock: ${Object.keys(lock.packages).length - 1} package entries, each with a version and an integrity`,
);

function fail(lines) {
  console.error(`lock: ${path} cannot be installed on a fresh machine:`);
  for (const line of lines.slice(0, 20)) console.error(`  ${line}`);
  if (lines.length > 20) console.error(`  … and ${lines.length - 20} more`);
  console.error('Regenerate it with a full install (README, "Maintaining the lock file").');
  process.exit(1);
}
